package dev.migsafe.internal.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of an answer's parts joined into one migration, {@code up} in answer order and
 * {@code down} in reverse, remembering which lines came from which part. {@code
 * check_migration} judges a whole migration and places its evidence at {@code up:LINE:COLUMN};
 * the line says which part of the answer it is about.
 */
final class ProposalScript {
  private static final Pattern WHERE = Pattern.compile("(up|down):(\\d+)(?::\\d+)?");

  private record Span(int part, int first, int last) {}

  private final StringBuilder up = new StringBuilder();
  private final StringBuilder down = new StringBuilder();
  private final List<Span> upSpans = new ArrayList<>();
  private final List<Span> downSpans = new ArrayList<>();
  private final List<String[]> rollbacks = new ArrayList<>();

  /** Adds part {@code index}'s forward SQL, and remembers its rollback for {@link #down}. */
  void add(int index, String label, String sql, String rollbackSql) {
    append(up, upSpans, index, label, sql);
    rollbacks.add(new String[] {Integer.toString(index), label, rollbackSql});
  }

  String up() {
    return up.toString();
  }

  /** The rollbacks, last part first; empty when no part has one. */
  String down() {
    if (down.isEmpty()) {
      for (int i = rollbacks.size() - 1; i >= 0; i--) {
        String[] r = rollbacks.get(i);
        append(down, downSpans, Integer.parseInt(r[0]), r[1], r[2]);
      }
    }
    return down.toString();
  }

  /** The part a check's {@code where} points into, if it points at a line of ours. */
  Optional<Integer> partAt(String where) {
    if (where == null) {
      return Optional.empty();
    }
    Matcher m = WHERE.matcher(where);
    if (!m.matches()) {
      return Optional.empty();
    }
    int line = Integer.parseInt(m.group(2));
    List<Span> spans = m.group(1).equals("up") ? upSpans : downSpans;
    return spans.stream().filter(s -> line >= s.first() && line <= s.last()).map(Span::part)
        .findFirst();
  }

  /**
   * A check's {@code where} said within its part: {@code up:7:3} as {@code line 2 of its SQL}
   * when part 1's SQL starts at line 6; empty when it points at no line of ours.
   */
  Optional<String> local(String where) {
    if (where == null) {
      return Optional.empty();
    }
    Matcher m = WHERE.matcher(where);
    if (!m.matches()) {
      return Optional.empty();
    }
    int line = Integer.parseInt(m.group(2));
    boolean up = m.group(1).equals("up");
    return (up ? upSpans : downSpans).stream()
        .filter(s -> line >= s.first() && line <= s.last()).findFirst()
        .map(s -> "line " + (line - s.first() + 1) + " of its " + (up ? "SQL" : "rollback SQL"));
  }

  /** Whether part {@code index} has SQL in {@code up} or {@code down} ({@code source}). */
  boolean has(String source, int index) {
    down();
    return (source.equals("up") ? upSpans : downSpans).stream()
        .anyMatch(s -> s.part() == index);
  }

  private static void append(StringBuilder script, List<Span> spans, int index, String label,
      String sql) {
    if (sql == null || sql.isBlank()) {
      return;
    }
    // The label is ours (a JSON path), never the model's text: a line break in model text
    // inside a comment would end the comment and start SQL.
    script.append("-- ").append(label).append('\n');
    int first = lines(script) + 1;
    String body = sql.strip();
    String lastLine = body.substring(body.lastIndexOf('\n') + 1);
    // A last line that is a comment would swallow an appended semicolon.
    script.append(body).append(body.endsWith(";") ? "" : lastLine.contains("--") ? "\n;" : ";")
        .append('\n');
    spans.add(new Span(index, first, lines(script)));
  }

  private static int lines(StringBuilder sb) {
    int n = 0;
    for (int i = 0; i < sb.length(); i++) {
      if (sb.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
