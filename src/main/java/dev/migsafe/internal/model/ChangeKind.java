package dev.migsafe.internal.model;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a migration changes, in the words a catalog record ({@code changes}, {@code appliesTo}),
 * a plan ({@code changes[].kind}, a recipe's {@code kinds}, a decision tree's {@code
 * appliesTo}) and a similarity search all use. The catalog's vocabulary is closed so that a
 * typo is an error instead of a record no search finds; the kinds only a plan derives from a
 * schema diff (a column moved to another table, an enum value removed) are not in it.
 */
public enum ChangeKind {
  // columns
  ADD_COLUMN("add-column"),
  DROP_COLUMN("drop-column"),
  RENAME_COLUMN("rename-column"),
  CHANGE_TYPE("change-type"),
  SET_NOT_NULL("set-not-null"),
  DROP_NOT_NULL("drop-not-null"),
  SET_DEFAULT("set-default"),
  DROP_DEFAULT("drop-default"),
  ADD_GENERATED_COLUMN("add-generated-column"),
  ADD_IDENTITY("add-identity", false),
  DROP_IDENTITY("drop-identity", false),
  SPLIT_COLUMN("split-column", false),
  MERGE_COLUMN("merge-column", false),
  MOVE_COLUMN("move-column", false),
  // data
  BACKFILL("backfill"),
  DELETE_ROWS("delete-rows"),
  COPY_TABLE("copy-table"),
  // indexes and constraints
  ADD_INDEX("add-index"),
  DROP_INDEX("drop-index"),
  REINDEX("reindex"),
  ADD_UNIQUE("add-unique"),
  ADD_PRIMARY_KEY("add-primary-key"),
  ADD_FOREIGN_KEY("add-foreign-key"),
  ADD_CHECK("add-check"),
  /** A constraint of another type (an exclusion constraint). */
  ADD_CONSTRAINT("add-constraint", false),
  VALIDATE_CONSTRAINT("validate-constraint"),
  DROP_CONSTRAINT("drop-constraint"),
  // tables
  CREATE_TABLE("create-table"),
  DROP_TABLE("drop-table"),
  RENAME_TABLE("rename-table"),
  TRUNCATE("truncate"),
  PARTITION_TABLE("partition-table"),
  ATTACH_PARTITION("attach-partition"),
  DETACH_PARTITION("detach-partition"),
  REWRITE_TABLE("rewrite-table"),
  ADD_TRIGGER("add-trigger"),
  DROP_TRIGGER("drop-trigger"),
  CREATE_VIEW("create-view"),
  // enums
  CREATE_ENUM("create-enum"),
  ADD_ENUM_VALUE("add-enum-value"),
  RENAME_ENUM_VALUE("rename-enum-value"),
  REMOVE_ENUM_VALUE("remove-enum-value", false),
  CHANGE_ENUM("change-enum");

  /**
   * Words people write for a kind, taken from the statements they name: accepted in a catalog
   * with a warning that names the kind to write, rather than dropping the record.
   */
  private static final Map<String, ChangeKind> SYNONYMS = Map.of(
      "create-index", ADD_INDEX,
      "add-unique-constraint", ADD_UNIQUE,
      "change-column-type", CHANGE_TYPE);

  private static final Set<String> CATALOG_IDS;

  static {
    Set<String> ids = new TreeSet<>();
    for (ChangeKind k : values()) {
      if (k.inCatalog) {
        ids.add(k.id);
      }
    }
    CATALOG_IDS = java.util.Collections.unmodifiableSet(ids);
  }

  private final String id;
  private final boolean inCatalog;

  ChangeKind(String id) {
    this(id, true);
  }

  ChangeKind(String id, boolean inCatalog) {
    this.id = id;
    this.inCatalog = inCatalog;
  }

  /** The YAML and JSON spelling: {@code add-column}. */
  public String id() {
    return id;
  }

  /** Whether a catalog record may name it. */
  public boolean inCatalog() {
    return inCatalog;
  }

  @Override
  public String toString() {
    return id;
  }

  /** The kind spelled exactly {@code id}, or null. */
  public static ChangeKind parse(String id) {
    for (ChangeKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }

  /** The kind a common synonym ({@code create-index}) stands for, or null. */
  public static ChangeKind synonym(String word) {
    return SYNONYMS.get(word);
  }

  /** The catalog's vocabulary, sorted. */
  public static Set<String> catalogIds() {
    return CATALOG_IDS;
  }

  /** The catalog's vocabulary for messages: {@code add-check, add-column, ...}. */
  public static String catalogListed() {
    return String.join(", ", CATALOG_IDS);
  }
}
