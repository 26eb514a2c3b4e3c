package dev.migsafe.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.sql.SqlTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlTypesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "character varying(20)|varchar(20)",
    "VARCHAR (20)|varchar(20)",
    "int4|integer",
    "bigserial|bigint",
    "timestamp without time zone|timestamp",
    "timestamp(3) with time zone|timestamptz(3)",
    "decimal(10, 2)|numeric(10,2)",
    "int[]|integer[]",
    "character|char(1)",
  })
  void canonicalNames(String written, String canonical) {
    assertThat(SqlTypes.canonical(written)).isEqualTo(canonical);
  }

  /** The spelling of PostgreSQL's format_type(), which a type validation compares with. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "int|integer",
    "int4|integer",
    "INT8|bigint",
    "bigserial|bigint",
    "varchar(40)|character varying(40)",
    "character varying (40)|character varying(40)",
    "varchar|character varying",
    "char(3)|character(3)",
    "character|character(1)",
    "decimal(14, 2)|numeric(14,2)",
    "numeric(10)|numeric(10,0)",
    "numeric|numeric",
    "timestamptz|timestamp with time zone",
    "timestamp with time zone|timestamp with time zone",
    "timestamp(3) with time zone|timestamp(3) with time zone",
    "timestamp|timestamp without time zone",
    "timetz|time with time zone",
    "bool|boolean",
    "float8|double precision",
    "float4|real",
    "varchar(40)[]|character varying(40)[]",
    "bit|bit(1)",
    "varbit(8)|bit varying(8)",
    "order_status|order_status",
    "\"OrderStatus\"|\"OrderStatus\"",
  })
  void formatTypeSpelling(String written, String printed) {
    assertThat(SqlTypes.formatted(written)).isEqualTo(printed);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // from | to | version | UTC session | rewrites
    "varchar(20)|varchar(40)|17|false|false",
    "varchar(40)|varchar(20)|17|false|true",
    "varchar(20)|text|10|false|false",
    "text|varchar|17|false|false",
    "text|varchar(10)|17|false|true",
    "numeric(10,2)|numeric(12,2)|17|false|false",
    "numeric(10,2)|numeric(12,3)|17|false|true",
    "numeric(10,2)|numeric|17|false|false",
    "integer|bigint|17|false|true",
    "timestamp|timestamptz|12|true|false",
    "timestamp|timestamptz|11|true|true",
    "timestamp|timestamptz|17|false|true",
    "json|jsonb|17|false|true",
  })
  void typeChangeRewrites(String from, String to, int version, boolean utc, boolean rewrites) {
    assertThat(SqlTypes.typeChangeRewrites(from, to, version, utc)).isEqualTo(rewrites);
  }
}
