package dev.migsafe.internal.locks;

import dev.migsafe.internal.model.ChangeKind;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * InnoDB's online-DDL algorithm for a MySQL statement: the one it names ({@code
 * ALGORITHM=...}), or the one MySQL picks for that change (MySQL 8.0 reference manual,
 * "Online DDL Operations"). Only as precise as a search needs: whether the change is instant,
 * in place, or a table copy, and whether the table is rebuilt.
 */
public final class MySqlDdlFacts {
  private static final Pattern ALGORITHM =
      Pattern.compile("\\bALGORITHM\\s*=\\s*(INSTANT|INPLACE|COPY)\\b");
  private static final Pattern FULLTEXT = Pattern.compile("\\bFULLTEXT\\b");

  /** The algorithm ({@code INSTANT}, {@code INPLACE}, {@code COPY}) and whether it rebuilds. */
  public record Facts(String algorithm, boolean rewritesTable) {}

  private MySqlDdlFacts() {}

  /** Null for statements that are not online DDL (DML, CREATE TABLE, ...). */
  public static Facts of(Set<ChangeKind> changes, String sql, String engineVersion) {
    String s = sql.toUpperCase(Locale.ROOT);
    boolean v57 = engineVersion != null && engineVersion.startsWith("5.");
    Matcher m = ALGORITHM.matcher(s);
    String named = m.find() ? m.group(1) : null;
    if (FULLTEXT.matcher(s).find()) {
      // The first FULLTEXT index adds the hidden FTS_DOC_ID column: a rebuild.
      return new Facts(named != null ? named : "INPLACE", true);
    }
    if (changes.contains(ChangeKind.CHANGE_TYPE) || changes.contains(ChangeKind.CHANGE_ENUM)
        || changes.contains(ChangeKind.PARTITION_TABLE)) {
      String a = named != null ? named : "COPY";
      return new Facts(a, !a.equals("INSTANT"));
    }
    if (changes.contains(ChangeKind.ADD_COLUMN) || changes.contains(ChangeKind.DROP_COLUMN)) {
      String a = named != null ? named : v57 ? "INPLACE" : "INSTANT";
      return new Facts(a, !a.equals("INSTANT"));
    }
    if (changes.contains(ChangeKind.ADD_INDEX) || changes.contains(ChangeKind.ADD_UNIQUE)
        || changes.contains(ChangeKind.DROP_INDEX)) {
      String a = named != null ? named : "INPLACE";
      return new Facts(a, a.equals("COPY"));
    }
    if (changes.contains(ChangeKind.RENAME_TABLE) || changes.contains(ChangeKind.RENAME_COLUMN)) {
      return new Facts(named != null ? named : v57 ? "INPLACE" : "INSTANT", false);
    }
    return named == null ? null : new Facts(named, named.equals("COPY"));
  }
}
