package dev.migsafe.internal.catalog;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The change kinds a catalog record may name in {@code changes} and a template in {@code
 * appliesTo}: one word per kind of schema or data change, the vocabulary {@code plan} uses for
 * {@code changes[].kind}. A closed list, so that a typo is an error instead of a record that no
 * search will ever find.
 */
public final class ChangeKinds {
  public static final Set<String> ALL = Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(
      // columns
      "add-column", "drop-column", "rename-column", "change-type", "set-not-null",
      "drop-not-null", "set-default", "drop-default", "add-generated-column",
      // data
      "backfill", "delete-rows", "copy-table",
      // indexes and constraints
      "add-index", "drop-index", "reindex", "add-unique", "add-primary-key", "add-foreign-key",
      "add-check", "validate-constraint", "drop-constraint",
      // tables
      "create-table", "drop-table", "rename-table", "truncate", "partition-table",
      "attach-partition", "detach-partition", "rewrite-table", "add-trigger", "drop-trigger",
      "create-view",
      // enums
      "create-enum", "add-enum-value", "rename-enum-value", "change-enum")));

  private ChangeKinds() {}

  public static boolean isKnown(String kind) {
    return ALL.contains(kind);
  }

  /** The list for error messages. */
  public static String listed() {
    return String.join(", ", ALL);
  }
}
