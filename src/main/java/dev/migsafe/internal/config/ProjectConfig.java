package dev.migsafe.internal.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code .migsafe.yaml}. Every field is optional; command-line flags override
 * them.
 *
 * @param engineVersion PostgreSQL major version of production
 * @param failOn the lowest severity that fails the run
 * @param transaction {@code auto}, {@code always} or {@code never}
 * @param disable rule ids to switch off
 * @param severity per rule id, the severity to report instead
 * @param ai settings of {@code migsafe ai}
 */
public record ProjectConfig(
    Integer engineVersion,
    String failOn,
    String transaction,
    List<String> disable,
    Map<String, String> severity,
    Ai ai) {

  @JsonCreator
  public ProjectConfig(
      @JsonProperty("engineVersion") Integer engineVersion,
      @JsonProperty("failOn") String failOn,
      @JsonProperty("transaction") String transaction,
      @JsonProperty("disable") List<String> disable,
      @JsonProperty("severity") Map<String, String> severity,
      @JsonProperty("ai") Ai ai) {
    this.engineVersion = engineVersion;
    this.failOn = failOn;
    this.transaction = transaction;
    this.disable = disable == null ? List.of() : List.copyOf(disable);
    this.severity = severity == null ? Map.of() : Map.copyOf(severity);
    this.ai = ai == null ? new Ai(false) : ai;
  }

  /**
   * The {@code ai:} section.
   *
   * @param allowRemote whether {@code migsafe ai --allow-remote} may send prompts to a model
   *     server on another machine; the flag alone is not enough
   */
  public record Ai(@JsonProperty("allow-remote") Boolean allowRemote) {
    @JsonCreator
    public Ai {
      // Boxed so that a missing key means false and a misspelt one is an unknown key.
      allowRemote = allowRemote != null && allowRemote;
    }
  }

  public static ProjectConfig empty() {
    return new ProjectConfig(null, null, null, null, null, null);
  }
}
