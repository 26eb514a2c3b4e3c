package dev.migsafe.api;

import java.util.Locale;

/**
 * A family of PostgreSQL column types, after the categories of {@code pg_type.typcategory}
 * (manual, "pg_type"), for the type rules of validation templates: a range check compares with
 * numbers, so it only fits a {@link #NUMERIC} column; {@code lower()} only fits a {@link
 * #STRING} one.
 */
public enum TypeCategory {
  /** smallint, integer, bigint, numeric, real, double precision (and the serials). */
  NUMERIC,
  /** text, character varying, character, citext, name. */
  STRING,
  /** date, timestamp, timestamptz, time, timetz. */
  DATETIME,
  /** interval. */
  TIMESPAN,
  BOOLEAN,
  /** A type created with {@code CREATE TYPE ... AS ENUM}. */
  ENUM,
  UUID,
  /** json, jsonb. */
  JSON,
  /** inet, cidr, macaddr. */
  NETWORK,
  /** bit, bit varying. */
  BITSTRING,
  /** bytea. */
  BINARY,
  /** Any array type. */
  ARRAY,
  /** Anything else: a domain, a composite or range type, money, xml, geometry. */
  OTHER;

  /** The lower-case name used in catalog templates. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The category named {@code id}, or null. */
  public static TypeCategory parse(String id) {
    for (TypeCategory c : values()) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    return null;
  }
}
