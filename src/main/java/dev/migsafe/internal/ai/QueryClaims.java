package dev.migsafe.internal.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.internal.ai.Claim.Fact;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.sql.QueryNames;
import dev.migsafe.internal.sql.ReadOnlyQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validation pass's queries: each must be one read-only query (the rule the packet's own
 * invariants follow), read only tables and columns that exist before or after the change, give
 * a value or range, and tie to an invariant the packet has (or say {@code new}). The queries
 * are not run here; rehearse runs the packet's invariants on a real server.
 */
final class QueryClaims {
  private final MigrationPacket packet;
  private final List<Schema> schemas;

  QueryClaims(MigrationPacket packet, Schema current, Schema target) {
    this.packet = packet;
    this.schemas = List.of(current, target);
  }

  void validation(JsonNode answer, List<Claim> claims) {
    JsonNode queries = answer.path("queries");
    for (int i = 0; i < queries.size(); i++) {
      JsonNode q = queries.get(i);
      String sql = q.path("sql").asText();
      List<Fact> facts = new ArrayList<>();
      Optional<ReadOnlyQuery.Problem> form = ReadOnlyQuery.check(sql);
      if (form.isPresent()) {
        facts.add(new Fact(ClaimStatus.REFUTED, "line " + form.get().line() + ": the query "
            + form.get().message()));
      } else {
        facts.add(new Fact(ClaimStatus.VERIFIED, "it is one read-only query"));
        Optional<QueryNames> names = QueryNames.of(sql);
        if (names.isEmpty()) {
          facts.add(new Fact(ClaimStatus.UNVERIFIED, "migsafe cannot read the names it uses"));
        } else {
          Optional<SchemaNames.Unknown> unknown = SchemaNames.query(names.get(), schemas);
          facts.add(unknown.isEmpty()
              ? new Fact(ClaimStatus.VERIFIED, "every table and column it reads exists")
              : new Fact(ClaimStatus.REFUTED, unknown.get().message() + " before or after the "
                  + "change (unknown-" + unknown.get().kind() + ")"));
        }
      }
      String invariant = q.path("invariant").asText();
      if (!invariant.equals("new")) {
        boolean known = packet.invariants().stream().anyMatch(v -> v.id().equals(invariant));
        facts.add(known ? new Fact(ClaimStatus.VERIFIED, "it checks the packet's invariant "
            + invariant) : new Fact(ClaimStatus.REFUTED, "the packet has no invariant '"
            + invariant + "'"));
      }
      if (q.path("expect").isNull() && q.path("min").isNull() && q.path("max").isNull()) {
        facts.add(new Fact(ClaimStatus.REFUTED, "it gives no value or range the result must "
            + "have"));
      }
      claims.add(new Claim("queries[" + i + "]", invariant + " (" + q.path("phase").asText()
          + "): " + q.path("why").asText(), sql, null, facts));
    }
  }
}
