package dev.migsafe.api;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * Options of a plan run.
 *
 * @param start when the timeline may begin, in the packet's time zone (steps are placed at or
 *     after it, outside peak windows as needed); null: the next full hour from now
 * @param throughputModel a YAML file with the throughput model (docs/plan-model.md), or null
 *     for the defaults
 * @param recipes a folder of the team's own recipe files that replace the shipped recipes of
 *     the same id, or null
 * @param code consumers' repositories to read for the code that uses what the packet drops,
 *     renames or narrows ({@code plan --code}); empty for none
 */
public record PlanOptions(LocalDateTime start, Path throughputModel, Path recipes,
    java.util.List<Path> code) {
  public PlanOptions {
    code = code == null ? java.util.List.of() : java.util.List.copyOf(code);
  }

  public PlanOptions(LocalDateTime start, Path throughputModel, Path recipes) {
    this(start, throughputModel, recipes, java.util.List.of());
  }

  public PlanOptions(LocalDateTime start, Path throughputModel) {
    this(start, throughputModel, null);
  }
}
