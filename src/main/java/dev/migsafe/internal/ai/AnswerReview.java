package dev.migsafe.internal.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.MigrationCheck;
import java.util.List;

/**
 * A model's answer beside migsafe's verdict on each part of it.
 *
 * @param pass the pass
 * @param packetId the packet's id
 * @param answer the answer, schema-valid
 * @param claims each part with its checks
 * @param check {@code check_migration} on the answer's SQL as one migration, or null when it
 *     did not run ({@code checkNote} says why)
 * @param checkNote why there is no check, or null
 * @param notes facts about the packet every reviewer of the answer should see (consumers that
 *     have not acknowledged), in migsafe's words
 * @param verdict {@code fail} when a part is refuted or the check failed; {@code needs-review}
 *     when a part is unverified, the check needs a person or did not run, or a consumer has not
 *     acknowledged; else {@code pass}. Never a gate: the human review stays.
 */
public record AnswerReview(AiPass pass, String packetId, JsonNode answer, List<Claim> claims,
    MigrationCheck check, String checkNote, List<String> notes, MigrationCheck.Verdict verdict) {
  public AnswerReview {
    claims = List.copyOf(claims);
    notes = List.copyOf(notes);
  }

  /** How many claims have each status. */
  public long count(ClaimStatus status) {
    return claims.stream().filter(c -> c.status() == status).count();
  }
}
