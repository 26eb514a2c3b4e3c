package dev.migsafe.internal.similar;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates one analysed statement into the catalog's change kinds. The analysis names what a
 * statement is ({@code add-constraint}); the catalog names what it changes ({@code
 * add-foreign-key}), so a few kinds look at the statement's text for the rest.
 */
final class ChangeKindsOfSql {
  private static final Pattern FOREIGN_KEY = Pattern.compile("\\bFOREIGN\\s+KEY\\b|\\bREFERENCES\\b");
  private static final Pattern UNIQUE = Pattern.compile("\\bUNIQUE\\b");
  private static final Pattern PRIMARY_KEY = Pattern.compile("\\bPRIMARY\\s+KEY\\b");
  private static final Pattern CHECK = Pattern.compile("\\bCHECK\\s*\\(");
  private static final Pattern DEFAULT = Pattern.compile("\\bDEFAULT\\b");
  private static final Pattern GENERATED = Pattern.compile("\\bGENERATED\\s+ALWAYS\\s+AS\\s*\\(");
  private static final Pattern PARTITION_BY = Pattern.compile("\\bPARTITION\\s+BY\\b");
  private static final Pattern SELECT = Pattern.compile("\\bSELECT\\b");
  // MySQL forms the PostgreSQL reader does not name.
  private static final Pattern MODIFY = Pattern.compile("\\bMODIFY\\s+(COLUMN\\s+)?");
  private static final Pattern CHANGE = Pattern.compile(
      "\\bCHANGE\\s+(?:COLUMN\\s+)?`?(\\w+)`?\\s+`?(\\w+)`?");
  private static final Pattern ENUM = Pattern.compile("\\bENUM\\s*\\(");
  private static final Pattern RENAME_TABLE = Pattern.compile("^\\s*RENAME\\s+TABLE\\b");
  private static final Pattern ADD_INDEX = Pattern.compile(
      "\\bADD\\s+(UNIQUE\\s+)?((?:FULLTEXT|SPATIAL)\\s+)?(INDEX|KEY)\\b");
  private static final Pattern DROP_INDEX = Pattern.compile("\\bDROP\\s+(INDEX|KEY)\\b");

  private ChangeKindsOfSql() {}

  static Set<String> of(String kind, String sql, boolean mysql) {
    String s = sql.toUpperCase(Locale.ROOT);
    Set<String> out = new LinkedHashSet<>();
    switch (kind) {
      case "add-column" -> {
        out.add(GENERATED.matcher(s).find() ? "add-generated-column" : "add-column");
        if (DEFAULT.matcher(s).find()) {
          out.add("set-default");
        }
        if (FOREIGN_KEY.matcher(s).find()) {
          out.add("add-foreign-key");
        }
      }
      case "alter-column-type" -> out.add("change-type");
      case "drop-column", "rename-column", "set-not-null", "drop-not-null", "set-default",
          "drop-default", "drop-index", "reindex", "validate-constraint", "drop-constraint",
          "drop-table", "rename-table", "truncate", "attach-partition", "detach-partition",
          "add-enum-value", "rename-enum-value", "create-enum", "drop-trigger" -> out.add(kind);
      case "detach-partition-finalize" -> out.add("detach-partition");
      case "create-index" -> out.add(UNIQUE.matcher(s).find() ? "add-unique" : "add-index");
      case "add-constraint" -> {
        if (FOREIGN_KEY.matcher(s).find()) {
          out.add("add-foreign-key");
        } else if (PRIMARY_KEY.matcher(s).find()) {
          out.add("add-primary-key");
        } else if (UNIQUE.matcher(s).find()) {
          out.add("add-unique");
        } else if (CHECK.matcher(s).find()) {
          out.add("add-check");
        }
      }
      case "update", "merge" -> out.add("backfill");
      case "insert" -> {
        if (SELECT.matcher(s).find()) {
          out.add("backfill");
        }
      }
      case "delete" -> out.add("delete-rows");
      case "create-table" -> {
        out.add("create-table");
        if (PARTITION_BY.matcher(s).find()) {
          out.add("partition-table");
        }
        if (FOREIGN_KEY.matcher(s).find()) {
          out.add("add-foreign-key");
        }
      }
      case "create-trigger" -> out.add("add-trigger");
      case "create-view", "create-materialized-view" -> out.add("create-view");
      case "create-type" -> {
        if (ENUM.matcher(s).find()) {
          out.add("create-enum");
        }
      }
      case "vacuum-full", "cluster", "set-logged", "set-unlogged", "set-tablespace" ->
          out.add("rewrite-table");
      default -> { }
    }
    if (mysql) {
      mysql(s, out);
    }
    return out;
  }

  private static void mysql(String s, Set<String> out) {
    var change = CHANGE.matcher(s);
    if (change.find()) {
      out.add(change.group(1).equals(change.group(2)) ? "change-type" : "rename-column");
    }
    if (MODIFY.matcher(s).find()) {
      out.add("change-type");
    }
    if ((out.contains("change-type") || out.contains("add-column")) && ENUM.matcher(s).find()) {
      out.add("change-enum");
    }
    if (RENAME_TABLE.matcher(s).find()) {
      out.add("rename-table");
    }
    // The PostgreSQL reader reads MySQL's ADD INDEX x / DROP INDEX x as a column named INDEX.
    var index = ADD_INDEX.matcher(s);
    if (index.find()) {
      out.remove("add-column");
      out.add(index.group(1) != null ? "add-unique" : "add-index");
    }
    if (DROP_INDEX.matcher(s).find()) {
      out.remove("drop-column");
      out.add("drop-index");
    }
    if (PARTITION_BY.matcher(s).find()) {
      out.add("partition-table");
    }
  }
}
