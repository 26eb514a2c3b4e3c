package dev.migsafe.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a finding says of a statement JSqlParser cannot read: one line a reader can use. */
class StatementParserMessageTest {
  @Test
  void aKeywordIsSaidOnceWithWhereTheParserStopped() {
    // PostgreSQL 18's table-level NOT NULL constraint, from lemmy's migrations.
    assertThat(StatementParser.parse(
        "ALTER TABLE local_image ADD CONSTRAINT x NOT NULL local_user_id").error())
        .isEqualTo("unexpected token \"NOT\" at line 1, column 42 of the statement");
    assertThat(StatementParser.parse("CREATE TABLE t (\n  a int,\n  CONSTRAINT x NOT NULL a\n)")
        .error()).isEqualTo("unexpected token \"CONSTRAINT\" at line 3, column 3 of the statement");
  }

  @Test
  void anIdentifierKeepsItsTextWithoutItsKind() {
    assertThat(StatementParser.parse("SELECT a b c FROM t").error())
        .startsWith("unexpected token \"c\" at line 1, column 12").doesNotContain("<");
  }

  @Test
  void theMessageWithoutAPositionIsItsFirstLine() {
    assertThat(StatementParser.readable(
        "net.sf.jsqlparser.parser.ParseException: something else\nmore"))
        .isEqualTo("something else");
  }
}
