package dev.migsafe.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

  private static List<String> texts(String sql) {
    return SqlSplitter.split(sql).stream().map(SourceStatement::text).toList();
  }

  @Test
  void splitsAtTopLevelSemicolonsOnly() {
    assertThat(texts("SELECT 'a;b'; SELECT \"x;y\" FROM t; SELECT (1);"))
        .containsExactly("SELECT 'a;b'", "SELECT \"x;y\" FROM t", "SELECT (1)");
  }

  @Test
  void commentsDoNotEndStatements() {
    assertThat(texts("SELECT 1 -- a; b\n; /* c; /* nested; */ d; */ SELECT 2;"))
        .containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void dollarQuotedBodiesStayWhole() {
    String fn = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql";
    assertThat(texts(fn + "; DO $$ BEGIN PERFORM 1; END $$;"))
        .containsExactly(fn, "DO $$ BEGIN PERFORM 1; END $$");
  }

  @Test
  void escapeStringsWithBackslashQuotes() {
    assertThat(texts("SELECT E'it\\'s; fine'; SELECT 'it''s; fine';"))
        .containsExactly("SELECT E'it\\'s; fine'", "SELECT 'it''s; fine'");
  }

  @Test
  void beginAtomicBodiesStayWhole() {
    String fn = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END";
    assertThat(texts(fn + "; SELECT 3;")).containsExactly(fn, "SELECT 3");
  }

  @Test
  void linesAndColumnsCountFromOneWithCrLfAndBom() {
    List<SourceStatement> sts = SqlSplitter.split("\uFEFFSELECT 1;\r\n\r\n  ALTER TABLE t\r\n ADD COLUMN a int;");
    assertThat(sts).hasSize(2);
    assertThat(sts.get(0).line()).isEqualTo(1);
    assertThat(sts.get(0).column()).isEqualTo(1);
    assertThat(sts.get(1).line()).isEqualTo(3);
    assertThat(sts.get(1).column()).isEqualTo(3);
    assertThat(sts.get(1).endLine()).isEqualTo(4);
  }

  @Test
  void unterminatedStringRunsToTheEndAndIsFlagged() {
    List<SourceStatement> sts = SqlSplitter.split("SELECT 1; SELECT 'oops; SELECT 2;");
    assertThat(sts).hasSize(2);
    assertThat(sts.get(0).unterminated()).isFalse();
    assertThat(sts.get(1).unterminated()).isTrue();
    assertThat(sts.get(1).text()).isEqualTo("SELECT 'oops; SELECT 2;");
  }

  @Test
  void emptyStatementsAndCommentOnlyInputYieldNothing() {
    assertThat(texts(";;  -- only a comment\n/* and a block */")).isEmpty();
    assertThat(texts("")).isEmpty();
  }

  @Test
  void commentsAboveAStatementTravelWithIt() {
    List<SourceStatement> sts = SqlSplitter.split("SELECT 1;\n-- migsafe:ignore x why\nSELECT 2;");
    assertThat(sts.get(1).comments()).extracting(t -> t.text())
        .containsExactly("-- migsafe:ignore x why");
  }
}
