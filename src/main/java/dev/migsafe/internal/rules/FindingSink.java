package dev.migsafe.internal.rules;

import dev.migsafe.api.Severity;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.SyntaxError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
  private final Set<String> seen = new LinkedHashSet<>();

  /** Reports a finding about one operation. */
  public void report(
      RuleContext ctx, Operation op, String message, String why, String saferAlternative) {
    add(ctx, op.getLine(), op.getStartColumn(), op.getStatementIndex(),
        fill(message, op), fill(why, op), fill(saferAlternative, op));
  }

  /** Reports a finding about a whole statement; {@code {lock}} and {@code {tables}} refer to it. */
  public void report(
      RuleContext ctx, StatementFact st, String message, String why, String saferAlternative) {
    add(ctx, st.getLine(), st.getColumn(), st.getIndex(),
        fill(message, st), fill(why, st), fill(saferAlternative, st));
  }

  /**
   * Reports a syntax error of a statement where PostgreSQL's parser stops, not where the
   * statement starts; {@code {syntaxError}} is PostgreSQL's wording.
   */
  public void reportSyntaxError(
      RuleContext ctx, StatementFact st, String message, String why, String saferAlternative) {
    SyntaxError at = st.getSyntaxError();
    add(ctx, at.line(), at.column(), st.getIndex(),
        fill(message, st), fill(why, st), fill(saferAlternative, st));
  }

  private void add(RuleContext ctx, int line, int column, int index, String message, String why,
      String alternative) {
    Rule rule = ctx.getRule();
    Object sev = rule.getMetaData().get("severity");
    Severity severity = sev == null ? Severity.MEDIUM : Severity.parse(sev.toString());
    // One finding per rule and statement: a rule that matches two sub-commands of one ALTER
    // TABLE reports each, but the same message twice is noise.
    if (seen.add(rule.getName() + "\u0000" + index + "\u0000" + message)) {
      findings.add(new RawFinding(rule.getName(), severity, line, column, index, message, why,
          alternative));
    }
  }

  public List<RawFinding> findings() {
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
