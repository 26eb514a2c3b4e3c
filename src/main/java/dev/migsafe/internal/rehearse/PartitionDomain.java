package dev.migsafe.internal.rehearse;

import dev.migsafe.internal.catalog.SqlQuoting;
import dev.migsafe.internal.rehearse.LiveTable.LiveColumn;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of a partitioned table's key column that route to one of its partitions, read from
 * the partitions' bounds ({@code pg_get_expr(relpartbound)}): hash partitioning takes any value,
 * list partitioning one of the listed values, range partitioning a value inside a bounded
 * partition, spread over all of them. A key of more than one column or an expression is not
 * handled.
 */
final class PartitionDomain {
  private static final Pattern KEY = Pattern.compile(
      "(RANGE|LIST|HASH) \\((\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)\\)");
  private static final Pattern IN = Pattern.compile("FOR VALUES IN \\((.*)\\)");
  private static final Pattern FROM_TO = Pattern.compile("FOR VALUES FROM \\((.*)\\) TO \\((.*)\\)");

  private PartitionDomain() {}

  /** The key column's name, or null when the key is not one plain column. */
  static String keyColumn(LiveTable t) {
    Matcher m = KEY.matcher(t.partitionKey());
    if (!m.matches()) {
      return null;
    }
    String name = m.group(2);
    return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
        : name;
  }

  /**
   * The values of the key column {@code c} that route, given its unpartitioned domain {@code
   * own}; null when no value can be chosen safely.
   */
  static ValueDomain of(Connection conn, LiveTable t, LiveColumn c, ValueDomain own)
      throws SQLException {
    boolean hasDefault = t.partitionBounds().contains("DEFAULT");
    if (t.partitionKey().startsWith("HASH")) {
      return own;
    }
    if (t.partitionKey().startsWith("LIST")) {
      List<String> values = new ArrayList<>();
      for (String bound : t.partitionBounds()) {
        Matcher m = IN.matcher(bound);
        List<String> listed = m.matches() ? CheckForms.literals(m.group(1)) : null;
        if (listed != null) {
          values.addAll(listed);
        }
      }
      return !values.isEmpty() ? ValueDomain.listed(values) : hasDefault ? own : null;
    }
    List<String> starts = new ArrayList<>();
    List<Long> spans = new ArrayList<>();
    for (String bound : t.partitionBounds()) {
      Matcher m = FROM_TO.matcher(bound);
      List<String> from = m.matches() ? CheckForms.literals(m.group(1)) : null;
      List<String> to = m.matches() ? CheckForms.literals(m.group(2)) : null;
      if (from != null && to != null && from.size() == 1 && to.size() == 1) {
        Long span = span(conn, c, from.get(0), to.get(0));
        if (span == null) {
          return hasDefault ? own : null;
        }
        starts.add(from.get(0));
        spans.add(span);
      }
    }
    if (starts.isEmpty()) {
      return hasDefault ? own : null;
    }
    return spread(c, starts, spans.stream().mapToLong(Long::longValue).min().orElse(0));
  }

  /**
   * Row k goes to partition k mod m, at step k / m from its lower bound: distinct k stay distinct
   * while k / m is below the smallest partition's span.
   */
  private static ValueDomain spread(LiveColumn c, List<String> starts, long minSpan) {
    int m = starts.size();
    return new ValueDomain(Math.multiplyHigh(minSpan, m) == 0 ? minSpan * m : Long.MAX_VALUE,
        k -> {
          StringBuilder sb = new StringBuilder("CASE (" + k + ") % " + m);
          for (int p = 0; p < m; p++) {
            sb.append(" WHEN ").append(p).append(" THEN ")
                .append(offset(c, start(c, starts.get(p)), "(" + k + ") / " + m));
          }
          return sb.append(" END").toString();
        });
  }

  private static String start(LiveColumn c, String literal) {
    // The bound was read back from the server; it is quoted again all the same.
    return "CAST(" + SqlQuoting.literal(literal, "postgresql") + " AS " + c.sqlType() + ")";
  }

  private static String offset(LiveColumn c, String start, String steps) {
    return switch (c.typeName()) {
      case "date" -> "(" + start + " + (" + steps + ")::integer)";
      case "timestamp", "timestamptz" -> "(" + start + " + (" + steps + ") * INTERVAL '1 second')";
      default -> "(" + start + " + (" + steps + "))";
    };
  }

  /** How many steps fit between the bounds, or null for a type without steps. */
  private static Long span(Connection conn, LiveColumn c, String from, String to)
      throws SQLException {
    switch (c.typeName()) {
      case "int2", "int4", "int8", "numeric" -> {
        return new BigDecimal(to).subtract(new BigDecimal(from))
            .setScale(0, RoundingMode.CEILING).longValueExact();
      }
      case "date" -> {
        return query(conn, "SELECT CAST(? AS date) - CAST(? AS date)", to, from);
      }
      case "timestamp", "timestamptz" -> {
        return query(conn, "SELECT ceil(extract(epoch FROM CAST(? AS " + c.sqlType()
            + ") - CAST(? AS " + c.sqlType() + ")))::bigint", to, from);
      }
      default -> {
        return null;
      }
    }
  }

  private static long query(Connection conn, String sql, String a, String b) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setString(1, a);
      ps.setString(2, b);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
