package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Change;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.internal.plan.PacketLoader;
import dev.migsafe.internal.plan.SchemaDiff;
import dev.migsafe.internal.schema.SchemaReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code examples/plan-*} packet loads without a problem, and its schema change is the one
 * the example is about. (The lead adds {@code example.yaml} and the expected output once the
 * {@code plan} command exists; {@code ExamplesTest} then runs them.)
 */
class ExamplePacketsTest {
  private static final Path EXAMPLES = Path.of("examples");

  /** Each example and the change kinds its schema diff must give, in order. */
  private static final Map<String, List<String>> CHANGES = Map.ofEntries(
      Map.entry("plan-rename-column", List.of("rename-column")),
      Map.entry("plan-int-to-bigint-key", List.of("change-type")),
      Map.entry("plan-add-foreign-key", List.of("add-foreign-key")),
      Map.entry("plan-unique-constraint", List.of("add-unique")),
      Map.entry("plan-not-null-big-table", List.of("set-not-null")),
      Map.entry("plan-drop-column-still-read", List.of("drop-column")),
      Map.entry("plan-pg10-not-null-default", List.of("add-column")),
      Map.entry("plan-split-column", List.of("split-column")),
      Map.entry("plan-move-column-to-table", List.of("move-column")),
      Map.entry("plan-numeric-under-view", List.of("change-type")),
      Map.entry("plan-text-to-enum", List.of("create-enum", "change-type", "drop-constraint")),
      Map.entry("plan-text-to-existing-enum-add-value",
          List.of("add-enum-value", "change-type", "drop-constraint")),
      Map.entry("plan-serial-to-identity-with-fks",
          List.of("change-type", "change-type", "change-type")));

  private static List<Path> planExamples() throws IOException {
    try (Stream<Path> dirs = Files.list(EXAMPLES)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("plan-")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyPlanExampleLoadsAndChangesWhatItSays() throws IOException {
    return planExamples().stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(),
        () -> {
          MigrationPacket p = PacketLoader.load(d.resolve("packet.yaml"));
          List<Change> changes = SchemaDiff.diff(SchemaReader.read(p.schema().current()),
              SchemaReader.read(p.schema().target()), p.renames(), p.transforms());
          assertThat(changes).extracting(Change::kind)
              .as("changes of %s", d).isEqualTo(CHANGES.get(d.getFileName().toString()));
          for (Change c : changes) {
            if (c.kind().endsWith("-enum") || c.kind().contains("enum-value")) {
              continue; // its "table" is the enum type, which has no workload
            }
            assertThat(p.tables()).as("workload of %s in %s", c.table(), d)
                .containsKey(c.table());
          }
          assertThat(p.traffic().peakWindows()).as("peak windows of %s", d).isNotEmpty();
          assertThat(p.consumers()).as("consumers of %s", d).isNotEmpty();
          assertThat(p.invariants()).as("invariants of %s", d).isNotEmpty();
          assertThat(p.watch()).as("watch of %s", d).isNotNull();
        }));
  }

  @Test
  void everyScenarioOfThePlanIssueHasItsExample() throws IOException {
    assertThat(planExamples()).extracting(d -> d.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(CHANGES.keySet());
  }

  @Test
  void theDroppedColumnIsStillReadByAConsumerThatHasNotAcknowledged() {
    MigrationPacket p = PacketLoader.load(
        EXAMPLES.resolve("plan-drop-column-still-read/packet.yaml"));
    assertThat(p.consumers()).anySatisfy(c -> {
      assertThat(c.reads()).contains("customers.legacy_loyalty_points");
      assertThat(c.acknowledged()).isFalse();
    });
  }

  @Test
  void everyPlanExampleHasALineInTheExamplesReadme() throws IOException {
    String readme = Files.readString(EXAMPLES.resolve("README.md"));
    for (Path d : planExamples()) {
      assertThat(readme).contains("`" + d.getFileName() + "/`");
    }
  }
}
