package dev.migsafe.internal.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.operators.relational.FullTextSearch;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The tables and columns a validation query names, as PostgreSQL would resolve them: unquoted
 * names fold to lower case, {@code public.} is the default schema, an alias stands for its
 * table. System catalogs ({@code pg_*}, {@code information_schema}) are told apart, because
 * a query over them names user objects only as string literals and runs whatever exists.
 *
 * @param tables the user tables it reads, as the schema model names them
 * @param columns each column reference, with the user table its qualifier resolves to (null
 *     when it is unqualified, or qualified by something other than a user table)
 * @param onlyUserTables whether every relation it reads is a user table: only then can an
 *     unqualified column be looked for in those tables
 */
public record QueryNames(Set<String> tables, List<ColumnName> columns, boolean onlyUserTables) {

  /** A column reference; {@code qualified} when it was written as {@code alias.column}. */
  public record ColumnName(String table, String column, boolean qualified) {}

  /** The names of one SELECT, or empty when JSqlParser cannot read it. */
  public static Optional<QueryNames> of(String sql) {
    Statement st;
    try {
      st = net.sf.jsqlparser.parser.CCJSqlParserUtil.parse(sql);
    } catch (net.sf.jsqlparser.JSQLParserException | RuntimeException e) {
      return Optional.empty();
    }
    return of(st);
  }

  /** The names of a statement JSqlParser has already read. */
  public static Optional<QueryNames> of(Statement st) {
    Map<String, String> aliases = new LinkedHashMap<>();
    List<Column> columns = new ArrayList<>();
    Set<String> relations = new LinkedHashSet<>();
    Set<String> found;
    try {
      found = new TablesNamesFinder<Void>() {
        @Override
        public <S> Void visit(Table table, S context) {
          String name = name(table);
          relations.add(name);
          if (table.getAlias() != null) {
            aliases.put(fold(table.getAlias().getName()), name);
          }
          return super.visit(table, context);
        }

        @Override
        public <S> Void visit(Column column, S context) {
          columns.add(column);
          return super.visit(column, context);
        }

        /** The finder skips MySQL's MATCH (...) AGAINST (...); its columns are columns. */
        @Override
        public <S> Void visit(FullTextSearch search, S context) {
          for (Column c : search.getMatchColumns()) {
            visit(c, context);
          }
          return null;
        }
      }.getTables(st);
    } catch (RuntimeException e) {
      // A construct the finder does not walk: no judgement rather than a wrong one.
      return Optional.empty();
    }
    Set<String> tables = new LinkedHashSet<>();
    boolean onlyUser = true;
    for (String f : found) {
      String n = normal(foldQualified(f));
      if (isSystem(n)) {
        onlyUser = false;
      } else {
        tables.add(n);
      }
    }
    // A name the finder does not report as a table is a WITH query.
    for (String r : relations) {
      if (!tables.contains(r)) {
        onlyUser = false;
      }
    }
    List<ColumnName> names = new ArrayList<>();
    for (Column c : columns) {
      String column = fold(c.getColumnName());
      if (c.getTable() == null || c.getTable().getName() == null) {
        names.add(new ColumnName(null, column, false));
        continue;
      }
      String qualifier = name(c.getTable());
      String table = aliases.getOrDefault(qualifier, qualifier);
      names.add(new ColumnName(tables.contains(table) ? table : null, column, true));
    }
    return Optional.of(new QueryNames(tables, names, onlyUser));
  }

  private static String name(Table t) {
    String schema = t.getSchemaName();
    String n = fold(t.getName());
    return normal(schema == null ? n : fold(schema) + "." + n);
  }

  /** The schema model's spelling: {@code public.} is dropped, as the DDL reader drops it. */
  static String normal(String qualified) {
    return qualified.startsWith("public.") ? qualified.substring("public.".length()) : qualified;
  }

  static boolean isSystem(String table) {
    return table.startsWith("pg_") || table.startsWith("pg_catalog.")
        || table.startsWith("information_schema.");
  }

  /** {@code "App".orders} as {@code App.orders}: each part folded on its own. */
  static String foldQualified(String name) {
    StringBuilder out = new StringBuilder();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      }
      if (ch == '.' && !quoted) {
        out.append(fold(part.toString())).append('.');
        part.setLength(0);
      } else {
        part.append(ch);
      }
    }
    return out.append(fold(part.toString())).toString();
  }

  /** PostgreSQL's rule: a quoted name keeps its case, an unquoted one folds to lower case. */
  public static String fold(String name) {
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name.toLowerCase(Locale.ROOT);
  }
}
