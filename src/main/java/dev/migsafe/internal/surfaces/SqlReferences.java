package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import dev.migsafe.internal.sql.QueryNames;
import dev.migsafe.internal.sql.StatementParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The tables and columns one SQL statement found in code reads and writes, as PostgreSQL would
 * resolve the names: {@code SELECT email FROM orders} reads {@code orders.email}, an unrelated
 * variable called {@code email} is not SQL and never looked at. Driver placeholders
 * ({@code %s}, {@code %(name)s}, {@code $1}, {@code :name}, {@code @name}, MyBatis's
 * {@code #{x}}, the {@code {}} of Rust's {@code format!}) are read as parameters.
 */
final class SqlReferences {
  /** One table or column the statement uses. */
  record Reference(String table, String column, Access access, Certainty certainty) {}

  private static final Pattern DML =
      Pattern.compile("(?is)\\s*(\\(\\s*)?(SELECT|INSERT|UPDATE|DELETE|WITH|MERGE)\\b.*");
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "%\\([A-Za-z_][A-Za-z0-9_]*\\)s|%s|\\$\\d+|[#$]\\{[^}]*}|(?<=[\\s(,=])@[A-Za-z_]\\w*"
          + "|\\{[A-Za-z0-9_:?.]*}");

  private SqlReferences() {}

  /** Whether a string reads as a DML statement worth parsing. */
  static boolean looksLikeSql(String text) {
    return DML.matcher(text).matches();
  }

  /** The references, or empty when the SQL does not parse. */
  static Optional<List<Reference>> of(String sql) {
    String text = PLACEHOLDER.matcher(sql.strip()).replaceAll("?");
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1);
    }
    StatementParser.Parse parse = StatementParser.parse(text);
    if (!parse.ok()) {
      return Optional.empty();
    }
    Statement st = parse.statement();
    Optional<QueryNames> names = QueryNames.of(st);
    if (names.isEmpty()) {
      return Optional.empty();
    }
    Set<String> written = new HashSet<>();
    String target = null;
    if (st instanceof Insert i) {
      target = QueryNames.fold(i.getTable().getName());
      if (i.getColumns() != null) {
        i.getColumns().forEach(c -> written.add(QueryNames.fold(c.getColumnName())));
      }
    } else if (st instanceof Update u) {
      target = QueryNames.fold(u.getTable().getName());
      for (UpdateSet set : u.getUpdateSets()) {
        for (Column c : set.getColumns()) {
          written.add(QueryNames.fold(c.getColumnName()));
        }
      }
    } else if (st instanceof Delete d) {
      target = QueryNames.fold(d.getTable().getName());
    }
    QueryNames q = names.get();
    List<Reference> out = new ArrayList<>();
    for (String table : q.tables()) {
      out.add(new Reference(table, null, isTarget(table, target) ? Access.WRITE : Access.READ,
          Certainty.CERTAIN));
    }
    for (QueryNames.ColumnName c : q.columns()) {
      if (c.table() != null) {
        out.add(column(c.table(), c.column(), target, written, Certainty.CERTAIN));
      } else if (q.tables().size() == 1) {
        out.add(column(q.tables().iterator().next(), c.column(), target, written,
            Certainty.CERTAIN));
      } else {
        for (String table : q.tables()) {
          out.add(column(table, c.column(), target, written, Certainty.LIKELY));
        }
      }
    }
    // INSERT's column list is not an expression JSqlParser's finder visits.
    for (String c : written) {
      if (target != null) {
        out.add(new Reference(target, c, Access.WRITE, Certainty.CERTAIN));
      }
    }
    return Optional.of(out.stream().distinct().toList());
  }

  private static Reference column(String table, String column, String target,
      Set<String> written, Certainty certainty) {
    boolean writes = isTarget(table, target) && written.contains(column);
    return new Reference(table, column, writes ? Access.WRITE : Access.READ, certainty);
  }

  private static boolean isTarget(String table, String target) {
    return target != null && (table.equals(target) || table.endsWith("." + target));
  }

  /** What a statement that does not parse does, from its first word. */
  static Access accessOf(String sql) {
    String first = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    return first.equals("SELECT") || first.equals("WITH") ? Access.READ : Access.WRITE;
  }
}
