package dev.migsafe.internal.rules;

import dev.migsafe.api.Fix;
import dev.migsafe.api.Severity;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.SourceSpan;
import dev.migsafe.internal.sql.StatementEdits;
import dev.migsafe.internal.sql.SyntaxError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global that rule consequences report to ({@code findings} in every DRL file). Messages
 * are templates: {@code {table}}, {@code {column}}, {@code {lock}} and the other placeholders in
 * {@link #PLACEHOLDERS} are filled from the operation or statement the finding is about, so
 * that the DRL reads like the message it produces.
 *
 * <p>One sink serves every rule session of a file: each run of a session ({@link #startRun},
 * {@link #endRun}) names the statements its facts belong to, and only those are kept.
 */
public final class FindingSink {
  private static final Map<String, Function<Operation, Object>> PLACEHOLDERS =
      Map.ofEntries(
          Map.entry("table", Operation::getTable),
          Map.entry("column", Operation::getColumn),
          Map.entry("newName", Operation::getNewName),
          Map.entry("type", Operation::getDataType),
          Map.entry("oldType", Operation::getOldDataType),
          Map.entry("default", Operation::getDefaultExpr),
          Map.entry("constraint", Operation::getConstraintName),
          Map.entry("constraintType", Operation::getConstraintType),
          Map.entry("index", Operation::getIndexName),
          Map.entry("refTable", Operation::getRefTable),
          Map.entry("object", Operation::getObjectName),
          Map.entry("value", Operation::getValue),
          Map.entry("check", Operation::getCheckExpr),
          Map.entry("lock", Operation::getLockName),
          Map.entry("note", Operation::getNote),
          Map.entry("columns", op -> String.join(", ", op.getColumns())));

  private final List<RawFinding> findings = new ArrayList<>();
  /** What makes a finding a repeat; holds the message itself rather than a concatenated copy. */
  private record Seen(String rule, int statementIndex, String message) {}

  /**
   * Every finding of the file so far, for repeats across runs too: pg-prefer-bigint-primary-key
   * reports on an ADD COLUMN of an earlier run when a later statement makes it the key.
   */
  private final Set<Seen> seen = new HashSet<>();
  /**
   * One copy of each distinct text: a rule's why and safer alternative are usually the same for
   * all its findings, and a file with 500,000 findings would otherwise hold 500,000 copies.
   */
  private final Map<String, String> texts = new HashMap<>();
  /** The statements of the current run by index, for the spans and fixes of operation findings. */
  private final Map<Integer, StatementFact> statements = new HashMap<>();
  private final int engineVersion;
  /** The two missing-timeout rules' candidates, gathered over the runs of the file. */
  private final Map<MissingTimeout.Kind, Gathered> timeouts =
      new java.util.EnumMap<>(MissingTimeout.Kind.class);

  /** A missing-timeout rule with its texts and what it has gathered. */
  private record Gathered(Rule rule, String why, String saferAlternative, MissingTimeout scopes) {}

  /** A sink for the rule sessions of one file. */
  public FindingSink(MigrationFact file) {
    this.engineVersion = file.engineVersion();
  }

  /** A run begins over {@code facts}: the statements among them are the ones it points at. */
  public void startRun(Collection<?> facts) {
    for (Object fact : facts) {
      if (fact instanceof StatementFact st) {
        statements.put(st.getIndex(), st);
      }
    }
  }

  /** The run has fired: its statements are forgotten. */
  public void endRun() {
    timeouts.values().forEach(g -> g.scopes().endRun());
    statements.clear();
  }

  /**
   * A statement that blocks writes with no lock_timeout in force ({@code
   * pg-missing-lock-timeout}): reported at the end, once per scope ({@link MissingTimeout}).
   */
  public void lockWait(RuleContext ctx, StatementFact st, String why, String saferAlternative) {
    gather(MissingTimeout.Kind.LOCK_WAITS, ctx, st, why, saferAlternative);
  }

  /**
   * A statement that may scan or rewrite under a write-blocking lock with no statement_timeout
   * in force ({@code pg-missing-statement-timeout}): reported at the end, once per scope.
   */
  public void longLock(RuleContext ctx, StatementFact st, String why, String saferAlternative) {
    gather(MissingTimeout.Kind.LONG_LOCKS, ctx, st, why, saferAlternative);
  }

  private void gather(MissingTimeout.Kind kind, RuleContext ctx, StatementFact st, String why,
      String saferAlternative) {
    timeouts.computeIfAbsent(kind, k -> new Gathered(ctx.getRule(), why, saferAlternative,
        new MissingTimeout(k))).scopes().add(st);
  }

  /**
   * Reports a finding about one operation, at the clause it was read from (the ALTER TABLE
   * action, the column definition) or, when it has none, at its statement.
   */
  public void report(
      RuleContext ctx, Operation op, String message, String why, String saferAlternative) {
    StatementFact st = statements.get(op.getStatementIndex());
    SourceSpan clause = op.getClause();
    Position at = clause != null
        ? new Position(clause.line(), clause.column(), clause.endLine(), clause.endColumn())
        : st != null ? Position.of(st) : new Position(op.getLine(), op.getStartColumn(),
            op.getLine(), op.getStartColumn());
    add(ctx.getRule(), at, op.getStatementIndex(), fill(message, op), fill(why, op),
        fill(saferAlternative, op), st == null ? null : fix(ctx.getRule(), st, op));
  }

  /** Reports a finding about a whole statement; {@code {lock}} and {@code {tables}} refer to it. */
  public void report(
      RuleContext ctx, StatementFact st, String message, String why, String saferAlternative) {
    add(ctx.getRule(), Position.of(st), st.getIndex(), fill(message, st), fill(why, st),
        fill(saferAlternative, st), fix(ctx.getRule(), st, null));
  }

  /**
   * Reports a syntax error of a statement where PostgreSQL's parser stops, not where the
   * statement starts; {@code {syntaxError}} is PostgreSQL's wording.
   */
  public void reportSyntaxError(
      RuleContext ctx, StatementFact st, String message, String why, String saferAlternative) {
    SyntaxError e = st.getSyntaxError();
    add(ctx.getRule(), new Position(e.line(), e.column(), e.line(), e.column()), st.getIndex(),
        fill(message, st), fill(why, st), fill(saferAlternative, st), null);
  }

  /** Where a finding points: from its first character to just after its last. */
  private record Position(int line, int column, int endLine, int endColumn) {
    static Position of(StatementFact st) {
      String sql = st.getSql();
      int newline = sql.lastIndexOf('\n');
      int lines = (int) sql.chars().filter(ch -> ch == '\n').count();
      return new Position(st.getLine(), st.getColumn(), st.getLine() + lines,
          newline < 0 ? st.getColumn() + sql.length() : sql.length() - newline);
    }
  }

  /** The rewrite the rule's {@code @fix} names, for this statement, or null. */
  private Fix fix(Rule rule, StatementFact st, Operation op) {
    FixKind kind = FixKind.of(rule.getMetaData().get("fix"));
    if (kind == null) {
      return null;
    }
    return kind.apply(new FixKind.Site(new StatementEdits(st.getSql()), op, engineVersion,
        st.isInTransaction()));
  }

  private void add(Rule rule, Position at, int index, String message, String why,
      String alternative, Fix fix) {
    Object sev = rule.getMetaData().get("severity");
    Severity severity = sev == null ? Severity.MEDIUM : Severity.parse(sev.toString());
    // One finding per rule and statement: a rule that matches two sub-commands of one ALTER
    // TABLE reports each, but the same message twice is noise.
    if (seen.add(new Seen(rule.getName(), index, message))) {
      findings.add(new RawFinding(rule.getName(), severity, at.line(), at.column(), index,
          message, shared(why), shared(alternative), at.endLine(), at.endColumn(), fix));
    }
  }

  private String shared(String text) {
    return text == null ? null : texts.computeIfAbsent(text, t -> t);
  }

  /**
   * Every finding of the file: the runs' in the order reported, then the missing-timeout
   * rules', one per scope. Call once, after the last run.
   */
  public List<RawFinding> findings() {
    for (Gathered g : timeouts.values()) {
      g.scopes().endRun();
      for (MissingTimeout.Report r : g.scopes().reports()) {
        StatementFact st = r.at();
        add(g.rule(), Position.of(st), st.getIndex(), fill(r.message(), st), fill(g.why(), st),
            fill(g.saferAlternative(), st), fix(g.rule(), st, null));
      }
    }
    timeouts.clear();
    return findings;
  }

  static String fill(String template, Operation op) {
    return replace(template, key -> {
      Function<Operation, Object> f = PLACEHOLDERS.get(key);
      return f == null ? null : f.apply(op);
    });
  }

  static String fill(String template, StatementFact st) {
    return replace(template, key -> switch (key) {
      case "lock" -> st.getLockName();
      case "tables", "table" -> st.getTables();
      case "kind" -> st.getKind();
      case "parseError" -> st.getParseError();
      case "syntaxError" -> st.getSyntaxError() == null ? null : st.getSyntaxError().message();
      default -> null;
    });
  }

  /**
   * The template with each {@code {name}} whose value is known replaced by it; unknown names
   * stay as written. A scan by hand: it runs for the message, why and alternative of every
   * finding, and most templates hold no placeholder at all.
   */
  private static String replace(String template, Function<String, Object> values) {
    if (template == null || template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder sb = new StringBuilder(template.length() + 32);
    int done = 0;
    for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
      int end = open + 1;
      while (end < template.length() && isAsciiLetter(template.charAt(end))) {
        end++;
      }
      if (end == open + 1 || end == template.length() || template.charAt(end) != '}') {
        continue;
      }
      Object v = values.apply(template.substring(open + 1, end));
      if (v != null) {
        sb.append(template, done, open).append(v);
        done = end + 1;
      }
      open = end;
    }
    return sb.append(template, done, template.length()).toString();
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
