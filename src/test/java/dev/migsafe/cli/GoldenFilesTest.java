package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.ci.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Everything a person or a tool reads, compared with files under {@code
 * src/test/resources/golden/}. {@code -Dmigsafe.golden.update=true} rewrites them; review the
 * diff. A golden file no case uses fails the class.
 */
class GoldenFilesTest {
  static final Path DIR = Path.of("src/test/resources/golden");
  static final boolean UPDATE = Boolean.getBoolean("migsafe.golden.update");
  private static final Set<String> USED = ConcurrentHashMap.newKeySet();

  private static final String EXAMPLE = "examples/lint-flyway/db/migration";
  private static final String SINK = "src/test/resources/golden-input/kitchen-sink.sql";
  private static final String SINK_SCHEMA = "src/test/resources/golden-input/kitchen-sink-schema.sql";
  private static final String SURFACES_REPO = "src/test/resources/golden-input/surfaces-repo";
  private static final String SIMILAR_SQL = "src/test/resources/golden-input/similar-orders-email.sql";
  private static final String SIMILAR_MYSQL = "src/test/resources/golden-input/similar-mysql-status.sql";
  private static final String PACKET = "src/test/resources/search-eval/packets/orders-customer-email.yaml";
  private static final String AI_PACKET = "src/test/resources/ai/packet.yaml";
  private static final String AI_EXCHANGE = "src/test/resources/ai/exchanges/review-safety.json";
  /** A fixed catalog for report, independent of the shipped one (which grows). */
  private static final String REPORT_CATALOG = "src/test/resources/report-catalog";

  /** A golden case: the file it is compared with and the command line that produces it. */
  record Case(String golden, int exit, String... args) {}

  static List<Case> cases() {
    return List.of(
        new Case("lint-flyway.json", 1, "lint", "--format", "json", EXAMPLE),
        new Case("lint-flyway.sarif", 1, "lint", "--format", "sarif", EXAMPLE),
        new Case("lint-flyway.github.txt", 1, "lint", "--format", "github", EXAMPLE),
        new Case("lint-flyway.gitlab.json", 1, "lint", "--format", "gitlab", EXAMPLE),
        new Case("lint-flyway.md", 1, "lint", "--format", "md", EXAMPLE),
        new Case("lint-kitchen-sink.txt", 1, "lint", "--verbose", "--schema", SINK_SCHEMA, SINK),
        new Case("lint-kitchen-sink.json", 1, "lint", "--format", "json", "--schema", SINK_SCHEMA,
            SINK),
        new Case("lint-kitchen-sink.sarif", 1, "lint", "--format", "sarif", "--schema",
            SINK_SCHEMA, SINK),
        new Case("lint-kitchen-sink-pg10.txt", 1, "lint", "--engine-version", "10", "--schema",
            SINK_SCHEMA, SINK),
        new Case("plan-rename-column.json", 0, "plan", "--format", "json", "--start",
            "2026-12-07T09:00", "examples/plan-rename-column/packet.yaml"),
        new Case("plan-rename-column.html", 0, "plan", "--format", "html", "--start",
            "2026-12-07T09:00", "examples/plan-rename-column/packet.yaml"),
        // The rehearsal failed two gates: plan exits 1 (--fail-on gate-failed by default).
        new Case("plan-rename-column-rehearsed.md", 1, "plan", "--start", "2026-12-07T09:00",
            "examples/plan-rename-column/packet.yaml", "--rehearsal",
            "src/test/resources/golden/rehearsal.json"),
        // migsafe ai: the prompt of a pass, and a recorded answer (authored for tests, not a
        // model's) verified offline.
        new Case("ai-execute-prompt.txt", 0, "ai", "execute", AI_PACKET, "--model",
            "qwen2.5-coder", "--catalog", REPORT_CATALOG, "--show-prompt"),
        new Case("ai-check-review.md", 1, "ai", "check", AI_EXCHANGE),
        new Case("ai-check-review.json", 1, "ai", "check", AI_EXCHANGE, "--format", "json"),
        new Case("ai-check-review.html", 1, "ai", "check", AI_EXCHANGE, "--format", "html"),
        new Case("rules.txt", 0, "rules"),
        new Case("rules.json", 0, "rules", "--format", "json"),
        new Case("rules-explain.txt", 0, "rules", "explain", "pg-add-column-volatile-default"),
        // similar runs on the shipped catalog in catalog/ (the default when it is present).
        new Case("surfaces.txt", 0, "surfaces", "--table", "orders", "--column", "email",
            SURFACES_REPO),
        new Case("surfaces.md", 0, "surfaces", "--table", "orders", "--column", "email",
            "--format", "md", SURFACES_REPO),
        new Case("surfaces.json", 0, "surfaces", "--table", "orders", "--format", "json",
            SURFACES_REPO),
        new Case("similar-text.txt", 0, "similar", "set not null on a big payments table"),
        new Case("similar-sql.md", 0, "similar", "--catalog", "catalog", "--sql", SIMILAR_SQL,
            "--format", "md"),
        new Case("similar-packet.json", 0, "similar", "--catalog", "catalog", "--packet", PACKET,
            "--format", "json", "--limit", "3"),
        new Case("similar-mysql.txt", 0, "similar", "--sql", SIMILAR_MYSQL, "--limit", "3"),
        new Case("report-2026-q3.md", 0, "report", "--catalog", REPORT_CATALOG, "--quarter",
            "2026-Q3"),
        new Case("report-2026-q3.json", 0, "report", "--catalog", REPORT_CATALOG, "--quarter",
            "2026-Q3", "--format", "json"),
        new Case("report-2026-q3.csv", 0, "report", "--catalog", REPORT_CATALOG, "--quarter",
            "2026-Q3", "--format", "csv"),
        new Case("report-2026-q3.html", 0, "report", "--catalog", REPORT_CATALOG, "--quarter",
            "2026-Q3", "--format", "html"),
        new Case("report-range-identity.md", 0, "report", "--catalog", REPORT_CATALOG,
            "--from", "2026-08-01", "--to", "2026-10-01", "--team", "team-identity",
            "--quarters", "3"),
        new Case("report-empty-q1.json", 0, "report", "--catalog", REPORT_CATALOG, "--quarter",
            "2026-Q1", "--quarters", "2", "--format", "json"),
        // ${drifted}: a live database that drifted from the expected DDL (DriftDatabase).
        new Case("drift.txt", 1, "drift", "--jdbc-url", "${drifted}", "--expected",
            DriftDatabase.EXPECTED),
        new Case("drift.md", 1, "drift", "--jdbc-url", "${drifted}", "--expected",
            DriftDatabase.EXPECTED, "--format", "md"),
        new Case("drift.json", 1, "drift", "--jdbc-url", "${drifted}", "--expected",
            DriftDatabase.EXPECTED, "--format", "json"));
  }

  @TestFactory
  Stream<DynamicTest> outputsMatchTheirGoldenFiles() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      tests.add(DynamicTest.dynamicTest(c.golden(), () -> check(c)));
    }
    return tests.stream();
  }

  /** The rehearsal report in every format, rendered from a fixed rehearsal (timings vary live). */
  @TestFactory
  Stream<DynamicTest> rehearsalReportsMatchTheirGoldenFiles() {
    dev.migsafe.api.Rehearsal r = dev.migsafe.rehearse.RehearsalFixture.rehearsal();
    return Stream.of(
        DynamicTest.dynamicTest("rehearsal.md", () -> compare("rehearsal.md",
            dev.migsafe.internal.render.RehearsalMarkdownRenderer.render(r))),
        DynamicTest.dynamicTest("rehearsal.json", () -> compare("rehearsal.json",
            dev.migsafe.internal.render.RehearsalJsonRenderer.render(r))),
        DynamicTest.dynamicTest("rehearsal.html", () -> compare("rehearsal.html",
            dev.migsafe.internal.render.RehearsalHtmlRenderer.render(r))));
  }

  private static void compare(String golden, String output) throws IOException {
    USED.add(golden);
    Path file = DIR.resolve(golden);
    if (UPDATE) {
      Files.writeString(file, output);
      return;
    }
    assertThat(file).as("golden file (run with -Dmigsafe.golden.update=true to create it)")
        .exists();
    assertThat(output).as("rendering against %s", file).isEqualTo(Files.readString(file));
  }

  private static void check(Case c) throws IOException {
    USED.add(c.golden());
    CliRunner.Run run = CliRunner.run(java.util.Arrays.stream(c.args())
        .map(a -> a.equals("${drifted}") ? DriftDatabase.drifted() : a).toArray(String[]::new));
    assertThat(run.err()).as("stderr of %s", String.join(" ", c.args())).isEmpty();
    assertThat(run.exit()).as("exit code of %s", String.join(" ", c.args())).isEqualTo(c.exit());
    // SARIF names the checkout's absolute location, which differs between machines.
    String out = run.out().replace(RepositoryRoot.of(Path.of("")).toUri().toString(),
        "file:///${checkout}/");
    Path file = DIR.resolve(c.golden());
    if (UPDATE) {
      Files.createDirectories(DIR);
      Files.writeString(file, out);
      return;
    }
    assertThat(file).as("golden file (run with -Dmigsafe.golden.update=true to create it)")
        .exists();
    assertThat(out).as("output of migsafe %s against %s", String.join(" ", c.args()), file)
        .isEqualTo(Files.readString(file));
  }

  @AfterAll
  static void noOrphanGoldenFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> orphans = files.map(p -> p.getFileName().toString())
          .filter(n -> !USED.contains(n)).sorted().toList();
      assertThat(orphans).as("golden files no case produces: delete them").isEmpty();
    }
  }
}
