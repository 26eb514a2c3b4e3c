package dev.migsafe.internal.rules;

import dev.migsafe.api.Severity;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.SyntaxError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global that rule consequences report to ({@code findings} in every DRL file). Messages
 * are templates: {@code {table}}, {@code {column}}, {@code {lock}} and the other placeholders in
 * {@link #PLACEHOLDERS} are filled from the operation or statement the finding is about, so
 * that the DRL reads like the message it produces.
 */
public final class FindingSink {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

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

  private final Set<Seen> seen = new HashSet<>();
  /**
   * One copy of each distinct text: a rule's why and safer alternative are usually the same for
   * all its findings, and a file with 500,000 findings would otherwise hold 500,000 copies.
   */
  private final Map<String, String> texts = new HashMap<>();

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
    if (seen.add(new Seen(rule.getName(), index, message))) {
      findings.add(new RawFinding(rule.getName(), severity, line, column, index, message,
          shared(why), shared(alternative)));
    }
  }

  private String shared(String text) {
    return text == null ? null : texts.computeIfAbsent(text, t -> t);
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

  private static String replace(String template, Function<String, Object> values) {
    if (template == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Object v = values.apply(m.group(1));
      String text = v == null ? m.group(0) : v.toString();
      m.appendReplacement(sb, Matcher.quoteReplacement(text));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
