package dev.migsafe.internal.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.CheckRequest;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Plan;
import dev.migsafe.internal.ai.Claim.Fact;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks every part of a schema-valid answer with migsafe's own machinery and says, part by
 * part, what holds: the names against the schema model, the SQL of the design and execution
 * passes as one migration through {@code check_migration} (locks, target reached, rollback
 * restores, invariants, consumers), the validation queries' form and names, and the safety
 * pass's claims about locks, rewrites, changes and consumers against the lock facts and the
 * plan. Nothing here talks to a model; {@code ai check} runs it on a recorded answer offline.
 */
public final class AnswerVerifier {
  private final Path packetFile;
  private final MigrationPacket packet;
  private final Plan plan;
  private final Function<CheckRequest, MigrationCheck> checker;
  private final Path pgBinaries;
  private final Schema current;
  private final Schema target;

  /**
   * @param checker {@code Migsafe::checkMigration}, or a stand-in in tests
   * @param pgBinaries for the check's embedded server, or null for the default lookup
   */
  public AnswerVerifier(Path packetFile, MigrationPacket packet, Plan plan,
      Function<CheckRequest, MigrationCheck> checker, Path pgBinaries) {
    this.packetFile = packetFile;
    this.packet = packet;
    this.plan = plan;
    this.checker = checker;
    this.pgBinaries = pgBinaries;
    this.current = SchemaReader.read(packet.schema().current());
    this.target = packet.schema().target() == null ? current.copy()
        : SchemaReader.read(packet.schema().target());
  }

  /** A verifier for the packet in {@code packetFile}, whose plan the caller made. */
  public static AnswerVerifier forPacket(Path packetFile, Plan plan,
      Function<CheckRequest, MigrationCheck> checker, Path pgBinaries) {
    return new AnswerVerifier(packetFile, dev.migsafe.internal.plan.PacketLoader.load(
        packetFile), plan, checker, pgBinaries);
  }

  public AnswerReview verify(AiPass pass, JsonNode answer) {
    List<Claim> claims = new ArrayList<>();
    ProposalScript script = new ProposalScript();
    switch (pass) {
      case DESIGN -> new CompatibilityClaims(packet, current, target)
          .design(answer, script, claims);
      case EXECUTION -> execution(answer, script, claims);
      case VALIDATION -> new QueryClaims(packet, current, target).validation(answer, claims);
      case SAFETY -> new ChallengeClaims(packet, plan, current).safety(answer, claims);
    }
    MigrationCheck check = null;
    String checkNote;
    if (pass == AiPass.VALIDATION || pass == AiPass.SAFETY) {
      checkNote = "this pass proposes no migration: its SQL was checked for names"
          + (pass == AiPass.SAFETY ? " and lock facts" : " and form") + ", not applied";
    } else if (script.up().isBlank()) {
      checkNote = "the answer holds no SQL to check";
    } else {
      checkNote = null;
      try {
        check = checker.apply(new CheckRequest(packetFile, script.up(),
            script.down().isBlank() ? null : script.down(), pgBinaries));
      } catch (UnsupportedOperationException e) {
        checkNote = "check_migration is not available in this build of migsafe; the SQL was "
            + "checked for names only";
      } catch (MigsafeException e) {
        checkNote = "check_migration could not run: " + e.getMessage();
      }
    }
    if (check != null) {
      claims = attach(claims, check, script);
    }
    List<String> notes = notes();
    return new AnswerReview(pass, packet.id(), answer, claims, check, checkNote, notes,
        verdict(claims, check, notes));
  }

  private void execution(JsonNode answer, ProposalScript script, List<Claim> claims) {
    Schema replay = current.copy();
    List<List<Fact>> facts = new ArrayList<>();
    List<JsonNode> steps = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    JsonNode phases = answer.path("phases");
    for (int i = 0; i < phases.size(); i++) {
      JsonNode ss = phases.get(i).path("steps");
      for (int j = 0; j < ss.size(); j++) {
        String part = "phases[" + i + "].steps[" + j + "]";
        JsonNode step = ss.get(j);
        int index = steps.size();
        steps.add(step);
        parts.add(part);
        script.add(index, part, step.path("sql").asText(), step.path("rollbackSql").asText());
        List<Fact> f = new ArrayList<>();
        String sql = step.path("sql").asText();
        if (sql.isBlank()) {
          f.add(new Fact(ClaimStatus.UNVERIFIED, "no SQL: an action for people, which "
              + "migsafe cannot check"));
        } else {
          names(f, "its SQL", SchemaNames.replay(sql, replay));
        }
        facts.add(f);
      }
    }
    // The rollbacks run after every step, last step first, over the schema the steps left.
    for (int k = steps.size() - 1; k >= 0; k--) {
      String rollback = steps.get(k).path("rollbackSql").asText();
      if (!rollback.isBlank()) {
        names(facts.get(k), "its rollback SQL", SchemaNames.replay(rollback, replay));
      }
    }
    for (int k = 0; k < steps.size(); k++) {
      JsonNode s = steps.get(k);
      claims.add(new Claim(parts.get(k), s.path("why").asText(), blankToNull(s.path("sql")),
          blankToNull(s.path("rollbackSql")), facts.get(k)));
    }
  }

  static void names(List<Fact> facts, String what, List<SchemaNames.Unknown> unknown) {
    if (unknown.isEmpty()) {
      facts.add(new Fact(ClaimStatus.VERIFIED, "every table and column " + what
          + " names exists"));
    }
    for (SchemaNames.Unknown u : unknown) {
      facts.add(new Fact(ClaimStatus.REFUTED, what + ", line " + u.line() + ": "
          + u.message() + " (unknown-" + u.kind() + ")"));
    }
  }

  static String blankToNull(JsonNode n) {
    return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
  }

  /** The check's located evidence added to the parts it points into. */
  private static List<Claim> attach(List<Claim> claims, MigrationCheck check,
      ProposalScript script) {
    List<List<Fact>> extra = new ArrayList<>();
    claims.forEach(c -> extra.add(new ArrayList<>(c.facts())));
    for (MigrationCheck.Evidence e : check.evidence()) {
      for (MigrationCheck.Item item : e.items()) {
        script.partAt(item.where()).filter(i -> i < claims.size()).ifPresent(i ->
            extra.get(i).add(new Fact(status(item.verdict()), e.point().id() + " "
                + item.kind() + " at " + item.where() + ": " + item.message())));
      }
    }
    List<Claim> out = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      out.add(new Claim(c.part(), c.title(), c.sql(), c.rollbackSql(), extra.get(i)));
    }
    return out;
  }

  static ClaimStatus status(MigrationCheck.Verdict v) {
    return switch (v) {
      case PASS -> ClaimStatus.VERIFIED;
      case NEEDS_REVIEW -> ClaimStatus.UNVERIFIED;
      case FAIL -> ClaimStatus.REFUTED;
    };
  }

  /** Consumers the change affects that have not acknowledged it: a person must follow up. */
  private List<String> notes() {
    List<String> out = new ArrayList<>();
    for (Plan.ConsumerImpact c : plan.consumers()) {
      if (!c.acknowledged() && !c.affectedBy().isEmpty()) {
        out.add("consumer " + c.service() + " (owner " + c.owner() + ") is affected by "
            + String.join(", ", c.affectedBy()) + " and has not acknowledged the change");
      }
    }
    return out;
  }

  private static MigrationCheck.Verdict verdict(List<Claim> claims, MigrationCheck check,
      List<String> notes) {
    MigrationCheck.Verdict v = check == null || !notes.isEmpty()
        ? MigrationCheck.Verdict.NEEDS_REVIEW : check.verdict();
    for (Claim c : claims) {
      v = v.worst(switch (c.status()) {
        case VERIFIED -> MigrationCheck.Verdict.PASS;
        case UNVERIFIED -> MigrationCheck.Verdict.NEEDS_REVIEW;
        case REFUTED -> MigrationCheck.Verdict.FAIL;
      });
    }
    if (check != null) {
      v = v.worst(check.verdict());
    }
    return v;
  }
}
