package dev.migsafe.internal.similar;

import dev.migsafe.api.LockMode;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.TableLock;
import dev.migsafe.internal.lint.StatementAnalysis;
import dev.migsafe.internal.locks.MySqlDdlFacts;
import dev.migsafe.internal.model.ChangeKind;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Features of migration SQL, from the same statement analysis {@code lint} reports: change
 * kinds, statement kinds, and for PostgreSQL the lock modes and rewrite/scan facts per existing
 * table. For MySQL the PostgreSQL lock facts would be wrong, so its locks are InnoDB's online-DDL
 * algorithm instead ({@link MySqlDdlFacts}).
 */
public final class SqlFeatures {
  private static final Pattern TABLE_NAME = Pattern.compile(
      "(?i)\\b(?:(?:ALTER|CREATE|DROP|TRUNCATE)(?:\\s+UNLOGGED)?\\s+TABLE"
          + "(?:\\s+IF(?:\\s+NOT)?\\s+EXISTS)?(?:\\s+ONLY)?|UPDATE(?:\\s+ONLY)?|INSERT\\s+INTO"
          + "|DELETE\\s+FROM(?:\\s+ONLY)?|REFERENCES|RENAME\\s+TABLE|\\bTRUNCATE"
          + "|ATTACH\\s+PARTITION|DETACH\\s+PARTITION|PARTITION\\s+OF"
          + "|ON(?:\\s+ONLY)?(?=\\s+[\\w.\"`]+\\s*(?:USING\\b|\\(|FOR\\b)))"
          + "\\s+((?:[\\w\"`]+\\.)?[\\w\"`]+)");
  private static final Set<String> NOT_TABLES = Set.of("set", "on", "only", "if", "table", "select",
      "values", "each", "row", "statement", "using");

  /** Statements about the session, not the schema: they say nothing about the change. */
  private static final Set<String> SESSION_KINDS = Set.of("unknown", "set", "reset", "begin",
      "commit", "rollback", "savepoint", "rollback-to-savepoint", "set-transaction", "set-role");

  private SqlFeatures() {}

  /**
   * @param dialect {@code postgresql} or {@code mysql}
   * @param engineVersion as written ({@code "14"}, {@code "8.0"}), or null
   * @param schema the schema before the SQL (PostgreSQL), or null
   */
  public static MigrationFeatures of(String sql, String dialect, String engineVersion,
      Schema schema) {
    if (sql == null || sql.isBlank()) {
      return MigrationFeatures.none();
    }
    boolean mysql = "mysql".equals(dialect);
    Set<String> changes = new HashSet<>();
    Set<String> statements = new HashSet<>();
    Set<String> locks = new HashSet<>();
    Set<String> facts = new HashSet<>();
    Set<String> tables = new HashSet<>(tableNames(sql));
    String strongest = null;
    for (SourceStatement st : SqlSplitter.split(sql)) {
      Set<ChangeKind> kinds = ChangeKindsOfSql.of(st, mysql);
      kinds.forEach(k -> changes.add(k.id()));
      if (mysql) {
        MySqlDdlFacts.Facts f = MySqlDdlFacts.of(kinds, st.text(), engineVersion);
        if (f != null) {
          locks.add(f.algorithm());
          strongest = LockRank.of(f.algorithm()) > LockRank.of(strongest) ? f.algorithm()
              : strongest;
          if (f.rewritesTable()) {
            facts.add(MigrationFeatures.REWRITES);
          }
        }
      }
    }
    if (mysql) {
      // The PostgreSQL lock facts and statement names would be wrong for MySQL.
      return new MigrationFeatures(changes, statements, locks, strongest, facts, tables, null,
          dialect, engine(dialect, engineVersion));
    }
    for (StatementResult st : StatementAnalysis.analyze("catalog", sql, pgMajor(engineVersion),
        schema)) {
      if (!SESSION_KINDS.contains(st.kind())) {
        statements.add(st.kind());
      }
      for (TableLock l : st.locks()) {
        tables.add(normalise(l.table()));
        locks.add(l.mode().sqlName());
        if (strongest == null || LockMode.parse(strongest).ordinal() < l.mode().ordinal()) {
          strongest = l.mode().sqlName();
        }
      }
      if (st.rewritesTable()) {
        facts.add(MigrationFeatures.REWRITES);
      }
      if (st.scansTable()) {
        facts.add(MigrationFeatures.SCANS);
      }
      if (st.failsOnNonEmptyTable()) {
        facts.add(MigrationFeatures.FAILS_ON_ROWS);
      }
    }
    return new MigrationFeatures(changes, statements, locks, strongest, facts, tables, null,
        dialect, engine(dialect, engineVersion));
  }

  /** {@code postgresql-14}, {@code mysql-8.0}; null when either part is unknown. */
  public static String engine(String dialect, String engineVersion) {
    if (dialect == null || engineVersion == null || engineVersion.isBlank()) {
      return null;
    }
    String v = engineVersion.trim();
    if (dialect.equals("mysql")) {
      Matcher m = Pattern.compile("^(\\d+\\.\\d+)").matcher(v);
      return m.find() ? "mysql-" + m.group(1) : null;
    }
    Matcher m = Pattern.compile("^(\\d+)").matcher(v);
    return m.find() ? "postgresql-" + (m.group(1).equals("9") ? v : m.group(1)) : null;
  }

  /** Lower case, without quotes and schema: how tables are compared. */
  public static String normalise(String table) {
    String t = table.replace("\"", "").replace("`", "").trim();
    int dot = t.lastIndexOf('.');
    return (dot >= 0 ? t.substring(dot + 1) : t).toLowerCase(Locale.ROOT);
  }

  static Set<String> tableNames(String sql) {
    Set<String> out = new HashSet<>();
    Matcher m = TABLE_NAME.matcher(sql);
    while (m.find()) {
      String t = normalise(m.group(1));
      if (!t.isEmpty() && !NOT_TABLES.contains(t) && Character.isLetter(t.charAt(0))) {
        out.add(t);
      }
    }
    return out;
  }

  /** The lock facts know PostgreSQL 10 to 17; an unknown version reads as the newest. */
  private static int pgMajor(String engineVersion) {
    if (engineVersion == null) {
      return 17;
    }
    Matcher m = Pattern.compile("^(\\d+)").matcher(engineVersion.trim());
    return m.find() ? Integer.parseInt(m.group(1)) : 17;
  }
}
