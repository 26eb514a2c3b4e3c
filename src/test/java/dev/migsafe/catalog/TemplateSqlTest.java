package dev.migsafe.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.catalog.SqlQuoting;
import dev.migsafe.internal.catalog.TemplateSql;
import java.util.Map;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.schema.Table;
import org.junit.jupiter.api.Test;

/** Placeholders become quoted identifiers or literals, never SQL. */
class TemplateSqlTest {
  static final String HOSTILE = "x\"; DROP TABLE y; --";

  @Test
  void identifiersAreQuotedWithTheQuoteDoubled() {
    assertThat(SqlQuoting.identifier(HOSTILE, "postgresql"))
        .isEqualTo("\"x\"\"; DROP TABLE y; --\"");
    assertThat(SqlQuoting.identifier("a`b", "mysql")).isEqualTo("`a``b`");
    assertThat(SqlQuoting.identifier("orders", "postgresql")).isEqualTo("\"orders\"");
  }

  @Test
  void literalsDoubleQuotesAndNeutraliseBackslashes() {
    assertThat(SqlQuoting.literal("it's", "postgresql")).isEqualTo("'it''s'");
    assertThat(SqlQuoting.literal("a\\' OR 1=1 --", "postgresql"))
        .isEqualTo("E'a\\\\'' OR 1=1 --'");
    assertThat(SqlQuoting.literal("a\\' OR 1=1 --", "mysql")).isEqualTo("'a\\\\'' OR 1=1 --'");
  }

  @Test
  void emptyAndNulNamesAreRefused() {
    assertThatThrownBy(() -> SqlQuoting.identifier("", "postgresql"))
        .isInstanceOf(MigsafeException.class);
    assertThatThrownBy(() -> SqlQuoting.identifier("a\0b", "postgresql"))
        .isInstanceOf(MigsafeException.class);
  }

  @Test
  void aHostileTableNameStaysOneQuotedIdentifier() throws Exception {
    String sql = TemplateSql.render("SELECT count(*) FROM {{table}} WHERE {{column}} IS NULL",
        Map.of("table", HOSTILE, "column", "c"), "postgresql");
    assertThat(sql).isEqualTo(
        "SELECT count(*) FROM \"x\"\"; DROP TABLE y; --\" WHERE \"c\" IS NULL");
    assertThat(CCJSqlParserUtil.parseStatements(sql).size()).isEqualTo(1);
    PlainSelect select = (PlainSelect) CCJSqlParserUtil.parse(sql);
    assertThat(((Table) select.getFromItem()).getName()).isEqualTo("\"x\"\"; DROP TABLE y; --\"");
    assertThat(select.getWhere().toString()).isEqualTo("\"c\" IS NULL");
  }

  @Test
  void literalPlaceholdersAndMissingValues() {
    String sql = "SELECT count(*) FROM information_schema.columns WHERE table_name = {{'table'}}";
    assertThat(TemplateSql.render(sql, Map.of("table", "o'rders"), "mysql"))
        .endsWith("table_name = 'o''rders'");
    assertThat(TemplateSql.placeholders("{{a}} {{'b'}} {{ a }}")).containsExactly("a", "b");
    assertThat(TemplateSql.malformed("{{a}} {{ b} {{'c\"}}")).hasSize(3);
    assertThatThrownBy(() -> TemplateSql.render(sql, Map.of(), "postgresql"))
        .isInstanceOf(MigsafeException.class).hasMessage("no value for the placeholder {{table}}");
  }
}
