package dev.migsafe.internal.rehearse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a rehearsal's JSON report back, for {@code plan --rehearsal FILE}: the plan then shows
 * the evidence-based gates as the rehearsal decided them. The report must be of the same packet.
 */
public final class RehearsalEvidence {
  private RehearsalEvidence() {}

  /** The plan with the rehearsal's decisions for the gates that need evidence. */
  public static Plan apply(Plan plan, Path report) {
    List<Plan.Gate> decided = read(report, plan.packet().id());
    List<Plan.Gate> gates = new ArrayList<>();
    for (Plan.Gate g : plan.gates()) {
      Plan.Gate d = decided.stream().filter(x -> x.id().equals(g.id())).findFirst().orElse(null);
      boolean evidence = g.id().equals(RehearsalGates.INVARIANTS)
          || g.id().equals(RehearsalGates.ROLLBACK);
      gates.add(evidence && d != null ? new Plan.Gate(g.id(), d.status(),
          d.reason() + " (rehearsal " + report.getFileName() + ")") : g);
    }
    return plan.withGates(gates);
  }

  /**
   * Whether the rehearsal proved the rollback: its {@code rollback-executable-and-time-bounded}
   * gate passed. What {@code outcome record --rehearsal} writes as {@code rollback.tested}.
   */
  public static boolean rollbackTested(Path report, String packetId) {
    return read(report, packetId).stream().anyMatch(g -> g.id().equals(RehearsalGates.ROLLBACK)
        && g.status().equals("passed"));
  }

  static List<Plan.Gate> read(Path report, String packetId) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(report));
    } catch (JsonProcessingException e) {
      throw bad(report, e.getLocation() == null ? "1:1"
          : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr(),
          "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MigsafeException(MigsafeException.Kind.BAD_INPUT,
          report + ": cannot read the rehearsal report: " + e.getMessage());
    }
    if (root == null || !root.path("schemaVersion").isInt() || root.path("schemaVersion").asInt() != 1
        || !root.path("gates").isArray() || !root.path("packet").path("id").isTextual()) {
      throw bad(report, "1:1", "not a rehearsal report of schemaVersion 1 "
          + "(written by rehearse --format json)");
    }
    String id = root.path("packet").path("id").asText();
    if (!id.equals(packetId)) {
      throw bad(report, "1:1", "the rehearsal is of packet '" + id + "', not '" + packetId + "'");
    }
    List<Plan.Gate> out = new ArrayList<>();
    for (JsonNode g : root.path("gates")) {
      out.add(new Plan.Gate(g.path("id").asText(), g.path("status").asText(),
          g.path("reason").asText()));
    }
    return out;
  }

  private static MigsafeException bad(Path file, String where, String message) {
    return new MigsafeException(MigsafeException.Kind.BAD_INPUT, file + ":" + where + ": "
        + message);
  }
}
