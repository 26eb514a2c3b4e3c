package dev.migsafe.internal.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.Migsafe;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.PassPrompt;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.plan.PacketLoader;
import dev.migsafe.testing.FakeModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each pass's prompt carries migsafe's facts about the packet, and its answer's schema. */
class PassPromptsTest {
  private static final Path PACKET = AnswerVerifierTest.PACKET;

  @Test
  void thePromptIsGroundedInThePlansFacts() {
    PassPrompt p = Migsafe.builder().build().passPrompt(AiPass.EXECUTION, PACKET);

    assertThat(p.pass()).isEqualTo(AiPass.EXECUTION);
    assertThat(p.system()).contains("check_migration").contains("passes no gate")
        .contains("no table rows were sent");
    assertThat(p.user())
        // the schema diff and the direct statement with its lock, rewrite and duration here
        .contains("- c1 change-type orders.amount (integer -> bigint)")
        .contains("`ALTER TABLE \"orders\" ALTER COLUMN \"amount\" TYPE bigint`: ACCESS "
            + "EXCLUSIVE on orders; rewrites the table: yes; scans it: yes; estimated 4m")
        // the recipe, the workload and the windows
        .contains("recipe: change-type-new-column-not-null.")
        .contains("| orders | 50000000 | 12 | 400 | 2000 | no |")
        .contains("- peak, no heavy work: mon,tue,wed,thu,fri 08:00-20:00")
        // the consumers and who has not acknowledged
        .contains("- billing-export (owner team-finance); reads orders.amount, orders.status; "
            + "affected by c1; HAS NOT ACKNOWLEDGED the change")
        // the invariants and similar past migrations with their lessons
        .contains("- amounts-positive: every order has a positive amount")
        .contains("## Similar past migrations").contains("lesson: ")
        .contains("These come from the sample catalog shipped with migsafe (catalog), not from "
            + "this team's history")
        .contains(p.answerSchema().strip());
    assertThat(p.answerSchema()).isEqualTo(AnswerSchemas.text(AiPass.EXECUTION))
        .doesNotContain("$schema");
  }

  @Test
  void theSampleCatalogShippedWithMigsafeIsNotPassedOffAsTheTeamsHistory() {
    var packet = PacketLoader.load(PACKET);
    Plan plan = Migsafe.builder().build().plan(PACKET, new PlanOptions(null, null, null));
    PassPrompt p = PassPrompts.build(AiPass.SAFETY, packet, plan, List.of(),
        CatalogLocation.shipped());
    assertThat(p.user()).contains("sample catalog shipped with migsafe, not from this team's "
        + "history").contains("None found.");
  }

  @Test
  void everyPassHasItsOwnTaskAndSchema() {
    Migsafe migsafe = Migsafe.builder().build();
    for (AiPass pass : AiPass.values()) {
      PassPrompt p = migsafe.passPrompt(pass, PACKET);
      assertThat(p.user()).as(pass.name()).contains("## Your task")
          .contains(AnswerSchemas.text(pass).strip());
      assertThat(AnswerSchemas.validator(pass)).isNotNull();
    }
  }

  @Test
  void everyAuthoredAnswerFollowsItsPassSchema() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/ai/answers"))) {
      files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      String name = f.getFileName().toString();
      AiPass pass = switch (name.substring(0, name.indexOf('-'))) {
        case "design" -> AiPass.DESIGN;
        case "execution" -> AiPass.EXECUTION;
        case "validation" -> AiPass.VALIDATION;
        default -> AiPass.SAFETY;
      };
      JsonNode answer = AnswerValidator.parse(pass, name,
          new ModelReply(FakeModelServer.fixture(name), "m", false));
      assertThat(mapper.readTree(Files.readString(f)).path("authoredForTests").asText())
          .as(name).contains("not the output of any model");
      assertThat(answer.isObject()).isTrue();
    }
  }
}
