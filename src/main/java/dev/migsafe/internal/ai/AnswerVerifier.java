package dev.migsafe.internal.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.CheckRequest;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Plan;
import dev.migsafe.internal.ai.Claim.Fact;
import dev.migsafe.internal.check.NameCheck;
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
    if (pass == AiPass.DESIGN || pass == AiPass.EXECUTION) {
      claims = names(claims, script);
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
    JsonNode phases = answer.path("phases");
    for (int i = 0; i < phases.size(); i++) {
      JsonNode steps = phases.get(i).path("steps");
      for (int j = 0; j < steps.size(); j++) {
        String part = "phases[" + i + "].steps[" + j + "]";
        JsonNode step = steps.get(j);
        script.add(claims.size(), part, step.path("sql").asText(),
            step.path("rollbackSql").asText());
        List<Fact> facts = new ArrayList<>();
        if (step.path("sql").asText().isBlank()) {
          facts.add(new Fact(ClaimStatus.UNVERIFIED, "no SQL: an action for people, which "
              + "migsafe cannot check"));
        }
        claims.add(new Claim(part, step.path("why").asText(), blankToNull(step.path("sql")),
            blankToNull(step.path("rollbackSql")), facts));
      }
    }
  }

  /**
   * The names of the answer's SQL, without a server: {@code up} from the current schema and
   * {@code down} from the schema {@code up} leaves, statement by statement as they would run,
   * each unknown name attached to the part its line falls in.
   */
  private List<Claim> names(List<Claim> claims, ProposalScript script) {
    List<MigrationCheck.Item> items = new ArrayList<>(
        NameCheck.unknownNames("up", script.up(), current));
    Schema afterUp = current.copy();
    try {
      SchemaReader.apply(afterUp, script.up());
    } catch (RuntimeException e) {
      // The model cannot follow up to its end: down is checked against what it could follow.
    }
    items.addAll(NameCheck.unknownNames("down", script.down(), afterUp));
    List<List<Fact>> facts = new ArrayList<>();
    claims.forEach(c -> facts.add(new ArrayList<>(c.facts())));
    for (MigrationCheck.Item item : items) {
      script.partAt(item.where()).ifPresent(i -> facts.get(i).add(new Fact(ClaimStatus.REFUTED,
          item.kind() + " at " + located(script, item.where()) + ": " + item.message())));
    }
    for (int i = 0; i < claims.size(); i++) {
      for (String source : List.of("up", "down")) {
        int index = i;
        if (script.has(source, i) && items.stream().noneMatch(it -> it.where() != null
            && it.where().startsWith(source + ":")
            && script.partAt(it.where()).orElse(-1) == index)) {
          facts.get(i).add(new Fact(ClaimStatus.VERIFIED, "every table and column its "
              + (source.equals("up") ? "SQL" : "rollback SQL") + " names exists when it runs"));
        }
      }
    }
    return withFacts(claims, facts);
  }

  private static List<Claim> withFacts(List<Claim> claims, List<List<Fact>> facts) {
    List<Claim> out = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      out.add(new Claim(c.part(), c.title(), c.sql(), c.rollbackSql(), facts.get(i)));
    }
    return out;
  }

  static String blankToNull(JsonNode n) {
    return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
  }

  /**
   * The check's located evidence added to the parts it points into. Its unknown names are left
   * out: the same names were already placed by {@link #names}.
   */
  private static List<Claim> attach(List<Claim> claims, MigrationCheck check,
      ProposalScript script) {
    List<List<Fact>> extra = new ArrayList<>();
    claims.forEach(c -> extra.add(new ArrayList<>(c.facts())));
    for (MigrationCheck.Evidence e : check.evidence()) {
      if (e.point() == MigrationCheck.Point.NAMES) {
        continue;
      }
      for (MigrationCheck.Item item : e.items()) {
        script.partAt(item.where()).filter(i -> i < claims.size()).ifPresent(i ->
            extra.get(i).add(new Fact(status(item.verdict()), e.point().id() + " "
                + item.kind() + " at " + located(script, item.where()) + ": "
                + item.message())));
      }
    }
    return withFacts(claims, extra);
  }

  /** {@code up:4:1 (line 1 of its SQL)}: the joined script's place, and the part's own. */
  private static String located(ProposalScript script, String where) {
    return where + script.local(where).map(l -> " (" + l + ")").orElse("");
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
