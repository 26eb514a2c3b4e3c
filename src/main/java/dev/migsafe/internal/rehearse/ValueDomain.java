package dev.migsafe.internal.rehearse;

import dev.migsafe.internal.catalog.SqlQuoting;
import dev.migsafe.internal.rehearse.CheckForms.Restriction;
import dev.migsafe.internal.rehearse.LiveTable.LiveColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The values a column can take: {@code size} distinct ones, the k-th (k from 0) written as SQL
 * by {@code value} from the SQL of k. Distinct k give distinct values, which is what makes
 * unique columns unique; the SQL depends on k only, which is what lets a child table compute its
 * parent's keys without reading them.
 */
record ValueDomain(long size, UnaryOperator<String> value) {
  static final long UNBOUNDED = Long.MAX_VALUE;

  String at(String k) {
    return value.apply(k);
  }

  /** One of the listed values, each a string literal the final cast turns into the column's type. */
  static ValueDomain listed(List<String> values) {
    String array = values.stream().map(v -> SqlQuoting.literal(v, "postgresql"))
        .collect(Collectors.joining(", ", "(ARRAY[", "])"));
    return new ValueDomain(values.size(), k -> array + "[(" + k + ") + 1]");
  }

  /**
   * The domain of a column's type narrowed by what its CHECKs ask ({@code r} may be null), or
   * null for a type migsafe does not generate.
   */
  static ValueDomain of(LiveColumn c, Restriction r) {
    if (r != null && r.allowed != null && !c.isArray()) {
      return r.allowed.isEmpty() ? null : listed(r.allowed);
    }
    ValueDomain element = scalar(c, r == null ? new Restriction() : r);
    if (element == null || !c.isArray()) {
      return element;
    }
    return new ValueDomain(element.size(), k -> "ARRAY[" + element.at(k) + "]");
  }

  private static ValueDomain scalar(LiveColumn c, Restriction r) {
    if (c.isEnum()) {
      String labels = "enum_range(NULL::" + c.enumType() + ")";
      return c.enumLabels() == 0 ? null
          : new ValueDomain(c.enumLabels(), k -> "(" + labels + ")[(" + k + ") + 1]");
    }
    return switch (c.typeName()) {
      case "int2" -> integers(r, BigInteger.valueOf(Short.MIN_VALUE),
          BigInteger.valueOf(Short.MAX_VALUE));
      case "int4" -> integers(r, BigInteger.valueOf(Integer.MIN_VALUE),
          BigInteger.valueOf(Integer.MAX_VALUE));
      case "int8" -> integers(r, BigInteger.valueOf(Long.MIN_VALUE),
          BigInteger.valueOf(Long.MAX_VALUE));
      case "numeric" -> numeric(c.typmod(), r);
      case "float4", "float8" -> steps(r, new BigDecimal("0.5"), new BigDecimal("1e12"));
      case "text", "varchar", "bpchar", "name" -> text(lengthOf(c), r);
      case "bool" -> new ValueDomain(2, k -> "((" + k + ") = 1)");
      case "date" -> new ValueDomain(2_000_000, k -> "(DATE '2020-01-01' + (" + k + ")::integer)");
      case "timestamp" -> new ValueDomain(1_000_000_000L,
          k -> "(TIMESTAMP '2020-01-01 00:00:00' + (" + k + ") * INTERVAL '1 minute')");
      case "timestamptz" -> new ValueDomain(1_000_000_000L,
          k -> "(TIMESTAMPTZ '2020-01-01 00:00:00+00' + (" + k + ") * INTERVAL '1 minute')");
      case "time", "timetz" -> new ValueDomain(86_400,
          k -> "(TIME '00:00' + (" + k + ") * INTERVAL '1 second')");
      case "interval" -> new ValueDomain(1_000_000_000_000L,
          k -> "((" + k + ") * INTERVAL '1 second')");
      // md5 of distinct numbers does not collide in any sample size a rehearsal uses.
      case "uuid" -> new ValueDomain(UNBOUNDED, k -> "md5((" + k + ")::text)::uuid");
      case "json" -> new ValueDomain(UNBOUNDED, k -> "json_build_object('n', " + k + ")");
      case "jsonb" -> new ValueDomain(UNBOUNDED, k -> "jsonb_build_object('n', " + k + ")");
      case "bytea" -> new ValueDomain(UNBOUNDED, k -> "int8send((" + k + ")::bigint)");
      case "inet", "cidr" -> new ValueDomain(1L << 24, k -> "(INET '10.0.0.0' + (" + k + "))");
      default -> null;
    };
  }

  /** varchar(n) and char(n) keep n + 4 in their modifier; -1 is no limit. */
  private static Integer lengthOf(LiveColumn c) {
    if ("name".equals(c.typeName())) {
      return 63;
    }
    return c.typmod() >= 4 ? c.typmod() - 4 : null;
  }

  private static ValueDomain text(Integer typeLength, Restriction r) {
    Integer length = typeLength;
    if (r.maxLength != null) {
      length = length == null ? r.maxLength : Math.min(length, r.maxLength);
    }
    if (length == null || length >= 20) {
      return new ValueDomain(UNBOUNDED, k -> "('v' || (" + k + "))");
    }
    if (length < 1) {
      return null;
    }
    // Hexadecimal packs the most distinct values into a short length.
    long size = length >= 15 ? UNBOUNDED : 1L << (4 * length);
    return new ValueDomain(size, k -> "to_hex((" + k + ")::bigint)");
  }

  private static ValueDomain integers(Restriction r, BigInteger typeMin, BigInteger typeMax) {
    BigInteger lo = r.min == null ? null : r.min.setScale(0, RoundingMode.CEILING).toBigInteger();
    if (lo != null && r.minExclusive && r.min.compareTo(new BigDecimal(lo)) == 0) {
      lo = lo.add(BigInteger.ONE);
    }
    BigInteger hi = r.max == null ? typeMax : r.max.setScale(0, RoundingMode.FLOOR).toBigInteger();
    if (r.max != null && r.maxExclusive && r.max.compareTo(new BigDecimal(hi)) == 0) {
      hi = hi.subtract(BigInteger.ONE);
    }
    hi = hi.min(typeMax);
    if (lo == null) {
      // Positive numbers from 1 look like the ids and counts columns usually hold.
      lo = hi.compareTo(BigInteger.ONE) >= 0 ? BigInteger.ONE
          : hi.subtract(BigInteger.valueOf(1_000_000_000L)).max(typeMin);
    }
    return range(new BigDecimal(lo.max(typeMin)), new BigDecimal(hi), BigDecimal.ONE);
  }

  private static ValueDomain numeric(int typmod, Restriction r) {
    if (typmod < 4) {
      return steps(r, BigDecimal.ONE, new BigDecimal("1e15"));
    }
    int precision = ((typmod - 4) >> 16) & 0xffff;
    int scale = (typmod - 4) & 0xffff;
    BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
    return steps(r, step, BigDecimal.ONE.movePointRight(precision - scale).subtract(step));
  }

  /** Multiples of {@code step} within ±{@code limit} and the CHECK's bounds. */
  private static ValueDomain steps(Restriction r, BigDecimal step, BigDecimal limit) {
    BigDecimal lo = r.min == null ? null : align(r.min, step, RoundingMode.CEILING);
    if (lo != null && r.minExclusive && lo.compareTo(r.min) == 0) {
      lo = lo.add(step);
    }
    BigDecimal hi = r.max == null ? limit : align(r.max, step, RoundingMode.FLOOR);
    if (r.max != null && r.maxExclusive && hi.compareTo(r.max) == 0) {
      hi = hi.subtract(step);
    }
    hi = hi.min(limit);
    if (lo == null) {
      lo = hi.compareTo(step) >= 0 ? step : hi.subtract(limit).max(limit.negate());
    }
    return range(lo.max(limit.negate()), hi, step);
  }

  private static BigDecimal align(BigDecimal value, BigDecimal step, RoundingMode mode) {
    return value.divide(step, 0, mode).multiply(step);
  }

  private static ValueDomain range(BigDecimal lo, BigDecimal hi, BigDecimal step) {
    if (hi.compareTo(lo) < 0) {
      return null;
    }
    BigInteger count = hi.subtract(lo).divide(step, 0, RoundingMode.FLOOR).toBigInteger()
        .add(BigInteger.ONE);
    long size = count.bitLength() < 63 ? count.longValue() : UNBOUNDED;
    String low = lo.toPlainString();
    String by = step.compareTo(BigDecimal.ONE) == 0 ? "" : " * " + step.toPlainString();
    return new ValueDomain(size, k -> "(" + low + " + (" + k + ")" + by + ")");
  }
}
