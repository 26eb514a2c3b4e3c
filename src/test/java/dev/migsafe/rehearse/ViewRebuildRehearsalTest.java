package dev.migsafe.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views rebuilt around column changes, on a real server of the oldest major: a rename whose old
 * column a view and a view on that view read, and a drop of a column that a quoted view, a
 * materialized view and an index read. Every step runs as planned and the end state equals the
 * target, definitions ({@code pg_get_viewdef}) and grants included.
 */
class ViewRebuildRehearsalTest {
  @TempDir Path tmp;

  @Test
  void viewsOnARenamedAndADroppedColumnComeBackAsTheTargetDefinesThem() throws Exception {
    Path out = tmp.resolve("rehearsal.json");
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "rehearse",
        "src/test/resources/rehearse/views-under-columns/packet.yaml", "--scale", "2000",
        "--format", "json", "--out", out.toString());
    JsonNode r = new ObjectMapper().readTree(out.toFile());
    List<String> ran = new ArrayList<>();
    for (JsonNode s : r.path("steps")) {
      assertThat(s.path("error").isNull()).as("error of %s: %s", s.path("id"), s.path("error"))
          .isTrue();
      assertThat(s.path("matchesPrediction").asBoolean())
          .as("%s differs from the plan: %s", s.path("id"), s.path("mismatches")).isTrue();
      ran.add(s.path("sql").asText());
    }
    assertThat(ran).containsSubsequence("BEGIN", "DROP VIEW \"account_refs_short\"",
        "DROP VIEW \"account_refs\"", "ALTER TABLE \"accounts\" DROP COLUMN \"ref\"",
        "DROP INDEX CONCURRENTLY IF EXISTS \"accounts_legacy_code_idx\"", "BEGIN",
        "DROP MATERIALIZED VIEW \"account_codes\"", "DROP VIEW \"Account List\"",
        "ALTER TABLE \"accounts\" DROP COLUMN \"legacy_code\"", "COMMIT");
    assertThat(r.path("endState").path("reached").asBoolean())
        .as("end state %s", r.path("endState")).isTrue();
    assertThat(r.path("endState").path("differences")).isEmpty();
    assertThat(r.path("rollback").path("schemaRestored").asBoolean())
        .as("rollback %s", r.path("rollback")).isTrue();
    assertThat(exit).as(err.toString()).isZero();
  }
}
