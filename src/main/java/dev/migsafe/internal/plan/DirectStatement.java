package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.TypeCategory;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.SqlTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * What a developer would write for a change without a recipe: the one statement (for a split
 * or merge, the few) that makes it directly, in its plain form, without CONCURRENTLY, NOT VALID
 * or USING INDEX. The rationale runs it through the lint machinery to show what it would do.
 *
 * @param verb how a sentence names it, e.g. {@code RENAME COLUMN}, {@code TYPE bigint}
 * @param statements the SQL, identifiers quoted like the playbook's; empty when there is none
 * @param none why there is no direct statement, when there is none
 */
record DirectStatement(String verb, List<String> statements, String none) {

  static DirectStatement of(Change c, Template t, MigrationPacket p) {
    String alter = "ALTER TABLE {table} ";
    String column = alter + "ALTER COLUMN {column} ";
    boolean hasDefault = c.defaultValue() != null && !c.defaultValue().equalsIgnoreCase("null");
    return switch (c.kind()) {
      case "add-column" -> one(t, "ADD COLUMN", alter + "ADD COLUMN {column} {toType}"
          + (Boolean.TRUE.equals(c.notNull()) ? " NOT NULL" : "")
          + (hasDefault ? " DEFAULT {default}" : ""));
      case "drop-column" -> one(t, "DROP COLUMN", alter + "DROP COLUMN {column}");
      case "rename-column" -> one(t, "RENAME COLUMN", alter + "RENAME COLUMN {column} TO {to}");
      case "rename-table" -> one(t, "RENAME TO", alter + "RENAME TO {to}");
      case "change-type" -> one(t, "TYPE " + c.toType(), column + "TYPE {toType}"
          + (needsUsing(c.fromType(), c.toType()) ? " USING {column}::{toType}" : ""));
      case "set-not-null" -> one(t, "SET NOT NULL", column + "SET NOT NULL");
      case "drop-not-null" -> one(t, "DROP NOT NULL", column + "DROP NOT NULL");
      case "set-default" -> one(t, "SET DEFAULT", column + "SET DEFAULT {default}");
      case "drop-default" -> one(t, "DROP DEFAULT", column + "DROP DEFAULT");
      case "add-index" -> "unique".equals(c.expression())
          ? one(t, "CREATE UNIQUE INDEX without CONCURRENTLY",
              "CREATE UNIQUE INDEX {name} ON {table} ({columns})")
          : one(t, "CREATE INDEX without CONCURRENTLY", "CREATE INDEX {name} ON {table} ({columns})");
      case "drop-index" -> one(t, "DROP INDEX without CONCURRENTLY", "DROP INDEX {name}");
      case "add-foreign-key" -> one(t, "ADD FOREIGN KEY without NOT VALID", alter
          + "ADD CONSTRAINT {name} FOREIGN KEY ({columns}) REFERENCES {refTable} ({refColumns})");
      case "add-check" -> one(t, "ADD CHECK without NOT VALID",
          alter + "ADD CONSTRAINT {name} CHECK ({expression})");
      case "add-unique" -> one(t, "ADD UNIQUE", alter + "ADD CONSTRAINT {name} UNIQUE ({columns})");
      case "add-primary-key" -> one(t, "ADD PRIMARY KEY",
          alter + "ADD CONSTRAINT {name} PRIMARY KEY ({columns})");
      case "drop-constraint" -> one(t, "DROP CONSTRAINT", alter + "DROP CONSTRAINT {name}");
      case "drop-table" -> one(t, "DROP TABLE", "DROP TABLE {table}");
      case "create-enum" -> one(t, "CREATE TYPE", "CREATE TYPE {table} AS ENUM ({value})");
      case "add-enum-value" -> one(t, "ADD VALUE", "ALTER TYPE {table} ADD VALUE {value}");
      case "remove-enum-value" -> new DirectStatement(null, List.of(),
          "PostgreSQL has no statement that removes a label from an enum type");
      case "create-table" -> createTable(c, p);
      case "split-column" -> split(c, t);
      case "merge-column" -> merge(c, t);
      case "move-column" -> new DirectStatement("The one-statement copy", List.of(
          t.fill("{createTable}"),
          t.fill("INSERT INTO {toTable} ({key}, {toColumn}) SELECT {pk}, {column} FROM {table}"
              + " WHERE {column} IS NOT NULL"),
          t.fill("ALTER TABLE {table} DROP COLUMN {column}")), null);
      default -> new DirectStatement(null, List.of(),
          "migsafe knows no direct statement for a change of kind " + c.kind());
    };
  }

  /**
   * Text has no implicit or assignment cast to other types (an enum, a number, jsonb), so
   * PostgreSQL refuses the plain {@code TYPE} form: the statement a developer would run says
   * {@code USING}. Elsewhere it is left out, because it can turn a binary-coercible change into
   * a rewrite.
   */
  private static boolean needsUsing(String from, String to) {
    return from != null && to != null
        && SqlTypes.category(from) == TypeCategory.STRING
        && SqlTypes.category(to) != TypeCategory.STRING;
  }

  private static DirectStatement one(Template t, String verb, String template) {
    return new DirectStatement(verb, List.of(t.fill(template)), null);
  }

  /** The packet's own CREATE TABLE, as the target schema (or its migration) writes it. */
  private static DirectStatement createTable(Change c, MigrationPacket p) {
    List<String> texts = new ArrayList<>();
    if (p.schema().target() != null) {
      texts.add(p.schema().target());
    }
    p.migration().forEach(m -> {
      if (m.sql() != null) {
        texts.add(m.sql());
      }
    });
    for (String text : texts) {
      for (SourceStatement s : SqlSplitter.split(text)) {
        if (s.text().regionMatches(true, 0, "CREATE", 0, 6)
            && SchemaReader.read(s.text()).table(c.table()) != null) {
          return new DirectStatement("CREATE TABLE", List.of(s.text()), null);
        }
      }
    }
    return new DirectStatement(null, List.of(),
        "the packet does not spell out the CREATE TABLE of " + SqlQuoting.identifier(c.table()));
  }

  /** Add the new columns, compute them from the old one in one UPDATE, drop the old one. */
  private static DirectStatement split(Change c, Template t) {
    List<String> adds = c.columns().stream()
        .map(col -> "ADD COLUMN " + SqlQuoting.identifier(col) + " " + c.toType()).toList();
    return new DirectStatement("The one-statement UPDATE", List.of(
        t.fill("ALTER TABLE {table} ") + String.join(", ", adds),
        t.fill("UPDATE {table} SET ({columns}) = ({expression})"),
        t.fill("ALTER TABLE {table} DROP COLUMN {column}")), null);
  }

  /** Add the merged column, compute it from the old ones in one UPDATE, drop the old ones. */
  private static DirectStatement merge(Change c, Template t) {
    List<String> drops = c.columns().stream()
        .map(col -> "DROP COLUMN " + SqlQuoting.identifier(col)).toList();
    return new DirectStatement("The one-statement UPDATE", List.of(
        t.fill("ALTER TABLE {table} ADD COLUMN {to} {toType}"),
        t.fill("UPDATE {table} SET {to} = ({expression})"),
        t.fill("ALTER TABLE {table} ") + String.join(", ", drops)), null);
  }
}
