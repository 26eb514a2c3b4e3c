package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan;
import dev.migsafe.internal.plan.PacketLoader;
import dev.migsafe.internal.plan.Recipe;
import dev.migsafe.internal.plan.Recipe.RecipeStep;
import dev.migsafe.testing.PlanExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timeline a DBA would sign: what verifies the cutover comes before the point of no return,
 * the verification window lasts as long as the packet says, work longer than the off-peak gap
 * is paused or reported rather than pretended to fit, and every long statement runs under a
 * statement_timeout of its own or says why not.
 */
class PlaybookTimelineTest {
  static final List<String> EXAMPLES = examples();

  @TempDir Path dir;

  private static List<String> examples() {
    try {
      return PlanExamples.names().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Plan.Step> steps(Plan plan) {
    List<Plan.Step> out = new ArrayList<>();
    plan.phases().forEach(ph -> out.addAll(ph.steps()));
    return out;
  }

  private static boolean isWait(Plan.Step s) {
    return s.title().startsWith("Wait out the verification window")
        || s.title().contains("(waits ");
  }

  @Test
  void theVerificationWindowLastsTheWatchDurationAndTheNextStepWaitsForIt() {
    int waits = 0;
    for (String name : EXAMPLES) {
      MigrationPacket p = PacketLoader.load(Path.of("examples", name, "packet.yaml"));
      List<Plan.Step> steps = steps(RecipeRationaleTest.example(name));
      for (int i = 0; i < steps.size(); i++) {
        Plan.Step s = steps.get(i);
        if (!isWait(s)) {
          continue;
        }
        waits++;
        assertThat(s.estimatedDuration()).as("%s %s", name, s.id())
            .isEqualTo(p.watch().duration());
        assertThat(s.title()).as("%s %s", name, s.id()).contains("watch.duration");
        for (Plan.Step next : steps.subList(i + 1, steps.size())) {
          assertThat(next.scheduledAt()).as("%s %s after %s", name, next.id(), s.id())
              .isAfterOrEqualTo(s.scheduledAt().plus(p.watch().duration()));
        }
      }
    }
    // The rename, the key swap and the drop each wait out the window.
    assertThat(waits).isGreaterThanOrEqualTo(3);
  }

  @Test
  void withoutAWatchDurationTheWaitIsADayAndSaysSo() throws IOException {
    Plan plan = RecipeRationaleTest.plan(renamePacket(""));
    Plan.Step wait = steps(plan).stream().filter(PlaybookTimelineTest::isWait).findFirst()
        .orElseThrow();
    assertThat(wait.estimatedDuration()).isEqualTo(Duration.ofHours(24));
    assertThat(wait.title()).contains("waits 24h", "the default", "no watch.duration");
  }

  @Test
  void noCanaryOrCutoverCheckComesAfterThePointOfNoReturn() {
    for (String name : EXAMPLES) {
      Plan plan = RecipeRationaleTest.example(name);
      List<Plan.ChecklistItem> items = plan.checklist();
      int pnr = -1;
      for (int i = 0; i < items.size(); i++) {
        // The point of no return a cutover leads to comes after phase B's deploy; one in phase
        // A (an in-place retype, an enum label) comes before anything switched, and the
        // canary of the deploy after it has nothing to roll back to (ReleaseChecklist).
        if (items.get(i).item().contains("POINT OF NO RETURN")
            && items.get(i).phase().compareTo("B") > 0) {
          pnr = pnr < 0 ? i : pnr;
        }
      }
      int verifications = 0;
      for (int i = 0; i < items.size(); i++) {
        String item = items.get(i).item().toLowerCase(Locale.ROOT);
        boolean verifiesCutover = item.contains("canary") || item.startsWith("verify the ")
            || item.contains("invariants of phase 'after-cutover'");
        if (verifiesCutover && pnr >= 0) {
          assertThat(i).as("%s: '%s' comes before the point of no return", name,
              items.get(i).item()).isLessThan(pnr);
          verifications++;
        }
      }
      if (pnr >= 0) {
        assertThat(verifications).as("%s: cutover checks before the point of no return", name)
            .isGreaterThanOrEqualTo(1);
      }
      // The playbook's own steps: no canary or cutover switch after the point of no return.
      boolean passed = false;
      for (Plan.Step s : steps(plan)) {
        String text = (s.title() + " " + s.action()).toLowerCase(Locale.ROOT);
        if (passed) {
          assertThat(text).as("%s %s", name, s.id()).doesNotContain("canary")
              .doesNotContain("switch reads");
        }
        passed |= s.pointOfNoReturn();
      }
    }
  }

  /** The same for every shipped recipe, whatever the examples happen to use. */
  @Test
  void noRecipeSwitchesOrCanariesAfterItsPointOfNoReturn() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Recipe> recipes = RecipeLibraryTest.loadAll(problems);
    for (Recipe r : recipes.values()) {
      boolean passed = false;
      for (RecipeStep s : r.steps()) {
        String text = (s.title() + " " + s.action()).toLowerCase(Locale.ROOT);
        if (passed && (text.contains("canary") || text.contains("switch reads"))) {
          problems.add(r.id() + ": '" + s.title() + "' after the point of no return");
        }
        passed |= s.pointOfNoReturn();
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aBackfillLongerThanTheOffPeakGapPausesThroughThePeaks() {
    Plan plan = RecipeRationaleTest.example("plan-int-to-bigint-key");
    List<Plan.Step> steps = steps(plan);
    Plan.Step backfill = steps.stream().filter(Plan.Step::batched).findFirst().orElseThrow();
    assertThat(backfill.estimatedDuration()).isGreaterThan(Duration.ofHours(100));
    assertThat(backfill.note()).contains("Pause the batch loop when a peak window starts",
        "resume it when the peak ends", "off-peak stretches");
    assertThat(plan.findings()).filteredOn(f -> f.rule().equals("plan-backfill-paused-for-peaks"))
        .singleElement().satisfies(f -> assertThat(f.message()).startsWith(backfill.id())
            .contains("pauses at every peak start"));
    // It never runs in a peak, so the next step comes after the pauses too.
    Plan.Risk risk = plan.risks().stream().filter(r -> r.stepId().equals(backfill.id()))
        .findFirst().orElseThrow();
    assertThat(risk.inPeakWindow()).isFalse();
    Plan.Step next = steps.get(steps.indexOf(backfill) + 1);
    assertThat(next.scheduledAt()).isAfter(backfill.scheduledAt()
        .plus(backfill.estimatedDuration()).plusHours(24));
  }

  @Test
  void aStepThatCannotFitBetweenPeaksIsReportedWithThePeak() throws IOException {
    // Peaks leave four hours a night and the index build needs about eleven.
    Plan plan = RecipeRationaleTest.plan(indexPacket());
    Plan.Step build = steps(plan).stream().filter(s -> s.sql() != null
        && s.sql().startsWith("CREATE INDEX CONCURRENTLY")).findFirst().orElseThrow();
    assertThat(plan.findings()).filteredOn(f -> f.rule().equals("plan-step-runs-through-peak"))
        .singleElement().satisfies(f -> assertThat(f.message()).startsWith(build.id())
            .contains("runs through the peak of "));
  }

  @Test
  void everyStepOverMaxStatementTimeGetsItsOwnTimeoutOrSaysWhyNot() {
    int bounded = 0;
    for (String name : EXAMPLES) {
      MigrationPacket p = PacketLoader.load(Path.of("examples", name, "packet.yaml"));
      Duration max = p.constraints().maxStatementTime();
      Plan plan = RecipeRationaleTest.example(name);
      List<Plan.Step> steps = steps(plan);
      for (int i = 0; i < steps.size(); i++) {
        Plan.Step s = steps.get(i);
        if (s.sql() == null || s.changeId() == null
            || s.estimatedDuration().compareTo(max) <= 0) {
          continue;
        }
        bounded++;
        String where = name + " " + s.id();
        assertThat(steps.get(i - 1).sql()).as(where).startsWith("SET statement_timeout = ");
        assertThat(steps.get(i + 1).sql()).as(where).isEqualTo("RESET statement_timeout");
        String setting = steps.get(i - 1).sql();
        if (s.sql().contains("CONCURRENTLY")) {
          assertThat(setting).as(where).isEqualTo("SET statement_timeout = 0");
          assertThat(s.note()).as(where).contains("INVALID", "pg_stat_progress_create_index");
        } else if (s.batched()) {
          // Per batch, and the same bound the backfill's controls state.
          Duration perBatch = plan.backfills().stream().filter(b -> b.stepId().equals(s.id()))
              .findFirst().orElseThrow().batchTimeout();
          assertThat(setting).as(where).isEqualTo("SET statement_timeout = '"
              + perBatch.toSeconds() + "s'");
        } else {
          assertThat(setting).as(where).isNotEqualTo("SET statement_timeout = 0")
              .contains("min'");
        }
      }
    }
    assertThat(bounded).isGreaterThanOrEqualTo(6);
  }

  @Test
  void aStatementBoundIsTwiceItsEstimate() {
    List<Plan.Step> steps = steps(RecipeRationaleTest.example("plan-add-foreign-key"));
    Plan.Step validate = steps.stream().filter(s -> s.sql() != null
        && s.sql().contains("VALIDATE CONSTRAINT")).findFirst().orElseThrow();
    long minutes = (validate.estimatedDuration().multipliedBy(2).toMillis() + 59_999) / 60_000;
    assertThat(steps.get(steps.indexOf(validate) - 1).sql())
        .isEqualTo("SET statement_timeout = '" + minutes + "min'");
  }

  private Path renamePacket(String watch) throws IOException {
    Path p = dir.resolve("rename.yaml");
    Files.writeString(p, """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: orders-ref
        title: orders.reference becomes ref
        owner: team-x
        reviewers: [dba]
        dialect: postgresql
        engineVersion: "16"
        schema:
          current: |
            CREATE TABLE orders (id bigint PRIMARY KEY, reference text);
          target: |
            CREATE TABLE orders (id bigint PRIMARY KEY, ref text);
        renames:
          - {table: orders, from: reference, to: ref}
        tables:
          orders: {rows: 2000000, sizeGb: 1, writesPerSecond: 5, readsPerSecond: 50}
        """ + watch);
    return p;
  }

  private Path indexPacket() throws IOException {
    Path p = dir.resolve("index.yaml");
    Files.writeString(p, """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: events-kind-index
        title: index events.kind
        owner: team-x
        reviewers: [dba]
        dialect: postgresql
        engineVersion: "16"
        schema:
          current: |
            CREATE TABLE events (id bigint PRIMARY KEY, kind text);
          target: |
            CREATE TABLE events (id bigint PRIMARY KEY, kind text);
            CREATE INDEX events_kind_idx ON events (kind);
        tables:
          events: {rows: 900000000, sizeGb: 900, writesPerSecond: 400, readsPerSecond: 100}
        traffic:
          timezone: UTC
          peakWindows:
            - {days: [mon, tue, wed, thu, fri, sat, sun], from: "04:00", to: "23:59"}
        constraints: {maxStatementTime: 30s}
        """);
    return p;
  }
}
