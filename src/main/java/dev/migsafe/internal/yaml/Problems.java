package dev.migsafe.internal.yaml;

import dev.migsafe.api.MigsafeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Every problem found in one document, in file order, and the warnings: what the document
 * should say differently but which does not stop it from being used.
 */
public final class Problems {
  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  /** One problem at a place. */
  public record Problem(int line, int column, String path, String message) {}

  public Problems(String file) {
    this.file = file;
  }

  public void add(Node at, String path, String message) {
    Mark m = at == null ? null : at.getStartMark();
    add(m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1, path, message);
  }

  public void add(int line, int column, String path, String message) {
    problems.add(new Problem(line, column, path, message));
  }

  /** A warning at a place; it does not make the document unusable. */
  public void warn(Node at, String path, String message) {
    Mark m = at == null ? null : at.getStartMark();
    warnings.add(new Problem(m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
        path, message));
  }

  /** No problems; warnings do not count. */
  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<String> lines() {
    return lines(problems);
  }

  /** The warnings as {@code FILE:LINE:COLUMN: path: message}, in file order. */
  public List<String> warningLines() {
    return lines(warnings);
  }

  private List<String> lines(List<Problem> list) {
    return list.stream()
        .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
        .map(p -> file + ":" + p.line() + ":" + p.column() + ": "
            + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message())
        .toList();
  }

  /** Throws bad input listing every problem, if there is any. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw MigsafeException.badInput(String.join("\n", lines()));
    }
  }
}
