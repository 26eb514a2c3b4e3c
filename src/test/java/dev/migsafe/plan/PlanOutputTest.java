package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.Migsafe;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.internal.render.PlanHtmlRenderer;
import dev.migsafe.internal.render.PlanJsonRenderer;
import dev.migsafe.internal.render.PlanMarkdownRenderer;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties every plan of every example packet must have. */
class PlanOutputTest {

  static List<Plan> examplePlans() throws IOException {
    List<Plan> plans = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
      for (Path d : dirs.filter(x -> x.getFileName().toString().startsWith("plan-")).sorted()
          .toList()) {
        plans.add(Migsafe.builder().build().plan(d.resolve("packet.yaml"),
            new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null)));
      }
    }
    assertThat(plans).hasSizeGreaterThanOrEqualTo(6);
    return plans;
  }

  /**
   * Every SQL string in a plan parses with the project's own SQL parser: JSqlParser, or
   * migsafe's PostgreSQL reader for the forms JSqlParser lacks (NOT VALID, USING INDEX, ...).
   */
  @Test
  void everySqlStringParses() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Plan plan : examplePlans()) {
      List<String> sqls = new ArrayList<>();
      plan.phases().forEach(ph -> ph.steps().forEach(s -> {
        sqls.add(s.sql());
        // A rollback may be a short script: a view dropped for a column change comes back
        // with its grants (CREATE OR REPLACE VIEW, then GRANT); each statement must parse.
        if (s.rollbackSql() != null) {
          SqlSplitter.split(s.rollbackSql()).forEach(st -> sqls.add(st.text()));
        }
      }));
      plan.validations().forEach(v -> {
        sqls.add(v.sql());
        sqls.add(v.scan() == null ? null : v.scan().chunkedSql());
      });
      plan.decisionTrees().forEach(t -> collect(t.root(), sqls));
      for (String sql : sqls) {
        if (sql != null && !parses(sql)) {
          problems.add(plan.packet().id() + ": " + sql);
        }
      }
    }
    assertThat(problems).as("SQL that no parser understands").isEmpty();
  }

  private static void collect(Plan.Node n, List<String> out) {
    if (n.isOutcome()) {
      // Tree steps mix SQL and instructions for people; the SQL ones start with a verb.
      n.steps().stream().filter(s -> s.matches("(?s)^(ALTER|CREATE|DROP|UPDATE|DELETE|INSERT|"
          + "SELECT|SET|BEGIN|COMMIT|ROLLBACK|REINDEX|VACUUM|ANALYZE|COMMENT|GRANT|REVOKE) .*"))
          .flatMap(s -> SqlSplitter.split(s).stream().map(SourceStatement::text))
          .forEach(out::add);
      return;
    }
    collect(n.yes(), out);
    collect(n.no(), out);
  }

  static boolean parses(String sql) {
    List<SourceStatement> sts = SqlSplitter.split(sql);
    if (sts.size() != 1) {
      return false;
    }
    try {
      if (!(CCJSqlParserUtil.parse(sql) instanceof UnsupportedStatement)) {
        return true;
      }
    } catch (Exception e) {
      // fall through to migsafe's own reader
    }
    return PgStatementReader.read(sts.get(0)).recognized();
  }

  /**
   * Every step of the JSON is {@code sql} (runnable SQL in {@code sql}) or an {@code action}
   * for people (text in {@code action}), as cli-contract.md's {@code steps[].kind} says.
   */
  @Test
  void everyStepInTheJsonIsSqlOrAnAction() throws IOException {
    for (Plan plan : examplePlans()) {
      JsonNode json = new ObjectMapper().readTree(PlanJsonRenderer.render(plan));
      for (JsonNode ph : json.path("phases")) {
        for (JsonNode s : ph.path("steps")) {
          String where = plan.packet().id() + " " + s.path("id").asText();
          String kind = s.path("kind").asText();
          assertThat(kind).as(where).isEqualTo(s.hasNonNull("sql") ? "sql" : "action");
          if (kind.equals("action")) {
            assertThat(s.path("action").asText()).as(where).isNotBlank();
          }
        }
      }
    }
  }

  @Test
  void noPlanTakesAStrongLockForLongOnALargeHotTable() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Plan plan : examplePlans()) {
      for (Plan.Risk r : plan.risks()) {
        if (r.exceedsMaxLockWait() && r.lock() != null && r.lock().blocksWrites()) {
          problems.add(plan.packet().id() + " " + r.stepId() + ": " + r.lock().sqlName()
              + " for " + r.estimatedDuration());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void textFromThePacketIsEscapedInHtmlAndMarkdown(@TempDir Path dir) throws IOException {
    Path src = Path.of("examples/plan-rename-column");
    Files.createDirectories(dir.resolve("schema"));
    Files.copy(src.resolve("schema/current.sql"), dir.resolve("schema/current.sql"));
    Files.copy(src.resolve("schema/target.sql"), dir.resolve("schema/target.sql"));
    String packet = Files.readString(src.resolve("packet.yaml"))
        .replaceFirst("(?m)^title: .*$", "title: \"<script>alert('x')</script> & <b>bold</b>\"");
    Files.writeString(dir.resolve("packet.yaml"), packet);
    Plan plan = Migsafe.builder().build().plan(dir.resolve("packet.yaml"),
        new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null));
    String html = PlanHtmlRenderer.render(plan);
    assertThat(html).doesNotContain("<script>").doesNotContain("<b>bold")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold");
    assertThat(PlanMarkdownRenderer.render(plan)).doesNotContain("<script>");
  }
}
