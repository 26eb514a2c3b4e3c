package dev.migsafe.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One named case of a rule's {@code <id>.cases.yaml}.
 *
 * @param name what the case shows
 * @param sql the migration
 * @param file the file name to lint it as (decides the tool layout, e.g. {@code V1__x.sql}
 *     for Flyway); default {@code case.sql}, plain SQL outside any implicit transaction
 * @param engineVersion PostgreSQL major version (default 17)
 * @param transaction auto, always or never (default auto)
 * @param schema DDL of the starting schema
 * @param expect every finding of this rule the case must produce, and no others
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RuleCase(
    String name,
    String sql,
    String file,
    Integer engineVersion,
    String transaction,
    String schema,
    List<Expected> expect) {

  /**
   * An expected finding; {@code column}, where the finding points on its line, is optional.
   * When every expectation of a case gives one, the case compares columns too.
   */
  public record Expected(int line, Integer column, String severity) {}
}
