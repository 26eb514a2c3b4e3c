package dev.migsafe.internal.plan;

import static dev.migsafe.internal.plan.SqlQuoting.identifier;

import dev.migsafe.internal.schema.Column;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Index;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDL of a table the target schema adds, written from the schema model so that every name
 * is quoted: the {@code CREATE TABLE} with its columns, primary key, unique constraints and
 * CHECKs, and apart from it the foreign keys (added {@code NOT VALID}, then validated) and the
 * other indexes. A {@code CREATE TABLE} with {@code REFERENCES} takes SHARE ROW EXCLUSIVE on
 * every referenced table in the same statement; apart, each foreign key is one short statement
 * that gives up at lock_timeout, and validating it while the new table is empty reads nothing.
 * Types, defaults and CHECK expressions are the target DDL's own text, already read as SQL.
 */
final class NewTableDdl {
  /** One statement of the table's keys and indexes, and how to undo it (null: nothing to). */
  record Statement(String title, String sql, String rollback) {}

  private NewTableDdl() {}

  static String createTable(Table t) {
    List<String> parts = new ArrayList<>();
    for (Column c : t.columns().values()) {
      parts.add(identifier(c.name()) + " " + c.type() + (c.notNull() ? " NOT NULL" : "")
          + (c.defaultExpr() == null ? "" : " DEFAULT " + c.defaultExpr())
          + (c.identity() ? " GENERATED " + (c.identityGeneration() == null ? "BY DEFAULT"
              : c.identityGeneration().toUpperCase(java.util.Locale.ROOT)) + " AS IDENTITY"
              : ""));
    }
    for (Constraint k : t.constraints()) {
      String body = switch (k.type()) {
        case "primary-key" -> "PRIMARY KEY (" + columns(k.columns()) + ")";
        case "unique" -> "UNIQUE (" + columns(k.columns()) + ")";
        case "check" -> "CHECK (" + k.checkExpr() + ")";
        default -> null; // foreign keys come apart; an EXCLUDE the model cannot spell out
      };
      if (body != null) {
        parts.add("CONSTRAINT " + identifier(k.name()) + " " + body);
      }
    }
    return "CREATE TABLE " + identifier(t.name()) + " (" + String.join(", ", parts) + ")";
  }

  /** The foreign keys, NOT VALID and then validated, and the indexes no constraint owns. */
  static List<Statement> keysAndIndexes(Table t, Schema target) {
    List<Statement> out = new ArrayList<>();
    String table = identifier(t.name());
    for (Constraint k : t.constraints()) {
      if (!k.type().equals("foreign-key")) {
        continue;
      }
      String name = identifier(k.name());
      out.add(new Statement("Add the foreign key " + k.name() + " NOT VALID (the lock on "
          + k.refTable() + " lasts milliseconds; run it with lock_timeout)",
          "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " "
              + InboundForeignKeys.definition(k) + " NOT VALID",
          "ALTER TABLE " + table + " DROP CONSTRAINT " + name));
      out.add(new Statement("Validate " + k.name() + " while " + t.name() + " is empty",
          "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name, null));
    }
    List<String> owned = t.constraints().stream().map(Constraint::name).toList();
    for (Index i : target.indexesOf(t.name())) {
      if (owned.contains(i.name())) {
        continue;
      }
      // Plain CREATE INDEX: the table is new and empty, so the build is instant and blocks no
      // one; CONCURRENTLY would only add two waits for older transactions.
      out.add(new Statement("Build the index " + i.name() + " on the empty table",
          "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + identifier(i.name()) + " ON "
              + table + " (" + columns(i.columns()) + ")",
          "DROP INDEX " + identifier(i.name())));
    }
    return out;
  }

  private static String columns(List<String> names) {
    return String.join(", ", names.stream().map(SqlQuoting::identifier).toList());
  }
}
