package dev.migsafe.internal.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.internal.ai.Claim.Fact;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The design pass's phases: each phase's SQL has its names checked (the phases replayed in
 * order), and its claims that the old and the new application work are held against the
 * consumers' declared reads and writes. The old application uses what the current schema has,
 * the new one what the target has; a phase that leaves a column out that the claimed-working
 * application uses refutes the claim. A claim that an application does not work is the model's
 * judgement (it may know of a semantic break) and stays unverified.
 */
final class CompatibilityClaims {
  private final MigrationPacket packet;
  private final Schema current;
  private final Schema target;

  CompatibilityClaims(MigrationPacket packet, Schema current, Schema target) {
    this.packet = packet;
    this.current = current;
    this.target = target;
  }

  void design(JsonNode answer, ProposalScript script, List<Claim> claims) {
    Schema replay = current.copy();
    Set<String> oldUses = uses(current);
    Set<String> newUses = uses(target);
    JsonNode phases = answer.path("phases");
    for (int i = 0; i < phases.size(); i++) {
      JsonNode ph = phases.get(i);
      String part = "phases[" + i + "]";
      String sql = ph.path("sql").asText();
      script.add(i, part, sql, null);
      List<Fact> facts = new ArrayList<>();
      try {
        SchemaReader.apply(replay, sql);
      } catch (RuntimeException e) {
        // A statement the schema model cannot follow: the phases after it are judged on what
        // it could, and check_migration's server has the last word.
      }
      works(facts, "the old application", ph.path("oldAppWorks").asBoolean(), oldUses, replay,
          "which are gone by then");
      works(facts, "the new application", ph.path("newAppWorks").asBoolean(), newUses, replay,
          "which do not exist then");
      claims.add(new Claim(part, ph.path("name").asText() + ": " + ph.path("why").asText(),
          AnswerVerifier.blankToNull(ph.path("sql")), null, facts));
    }
  }

  private static void works(List<Fact> facts, String app, boolean claimed, Set<String> uses,
      Schema after, String absent) {
    List<String> missing = uses.stream().filter(u -> !exists(after, u)).toList();
    if (!claimed) {
      facts.add(new Fact(ClaimStatus.UNVERIFIED, "says " + app + " does not work here"
          + (missing.isEmpty() ? "; every table and column its consumers use is still there"
              : "; it would miss " + String.join(", ", missing))));
    } else if (missing.isEmpty()) {
      facts.add(new Fact(ClaimStatus.VERIFIED, "says " + app + " works here: every table "
          + "and column its consumers use exists after this phase"));
    } else {
      facts.add(new Fact(ClaimStatus.REFUTED, "says " + app + " works here, but after this "
          + "phase its consumers use " + String.join(", ", missing) + ", " + absent));
    }
  }

  /** The consumers' reads and writes that exist in {@code schema}: what one app version uses. */
  private Set<String> uses(Schema schema) {
    Set<String> out = new LinkedHashSet<>();
    for (MigrationPacket.Consumer c : packet.consumers()) {
      for (String ref : concat(c.reads(), c.writes())) {
        if (exists(schema, ref)) {
          out.add(ref);
        }
      }
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a == null ? List.of() : a);
    out.addAll(b == null ? List.of() : b);
    return out;
  }

  /** Whether {@code table} or {@code table.column} exists. */
  static boolean exists(Schema schema, String ref) {
    int dot = ref.lastIndexOf('.');
    if (schema.table(ref) != null) {
      return true;
    }
    return dot > 0 && schema.table(ref.substring(0, dot)) != null
        && schema.table(ref.substring(0, dot)).column(ref.substring(dot + 1)) != null;
  }
}
