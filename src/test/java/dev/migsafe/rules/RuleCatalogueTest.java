package dev.migsafe.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.RuleInfo;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.internal.rules.RuleScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks every rule at once and fails with the full list of problems: ids unique and equal to
 * file names, all three files present, metadata complete ({@code @scope} included), doc
 * sections present, the doc's "Instead of" SQL fires the rule and its "Use" SQL does not, and
 * fixtures cover a firing and a passing case.
 */
class RuleCatalogueTest {
  private static final Pattern FIX = Pattern.compile("@fix\\(\"([^\"]*)\"\\)");
  private static final Pattern RULE_NAME = Pattern.compile("(?m)^rule\\s+\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern SQL_AFTER =
      Pattern.compile("(?s)%s:\\s*```sql\\n(.*?)```");

  @Test
  void everyRuleIsCompleteAndConsistent() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, RuleInfo> compiled = RuleBase.shared().rules();
    Set<String> seen = new HashSet<>();
    for (Path drl : RuleFixtures.files(".drl")) {
      String file = drl.getFileName().toString();
      String id = file.substring(0, file.length() - ".drl".length());
      String dialect = drl.getParent().getFileName().toString();
      String text = Files.readString(drl);
      Matcher m = RULE_NAME.matcher(text);
      List<String> names = new ArrayList<>();
      while (m.find()) {
        names.add(m.group(1));
      }
      if (!names.equals(List.of(id))) {
        problems.add(drl + ": must hold exactly one rule named \"" + id + "\", holds " + names);
      }
      if (!ID.matcher(id).matches()) {
        problems.add(drl + ": id '" + id + "' is not kebab-case");
      }
      if (dialect.equals("postgresql") && !id.startsWith("pg-")) {
        problems.add(drl + ": PostgreSQL rule ids start with pg-");
      }
      if (!seen.add(id)) {
        problems.add(drl + ": id '" + id + "' is used twice");
      }
      RuleInfo info = compiled.get(id);
      if (info == null) {
        problems.add(drl + ": not in the compiled rule base");
      } else {
        if (info.severity() == null) {
          problems.add(drl + ": @severity missing or not one of blocker, high, medium, low, info");
        }
        if (info.summary() == null || info.summary().isBlank()) {
          problems.add(drl + ": @summary missing");
        }
        if (info.since() == null || !info.since().matches("\\d+\\.\\d+\\.\\d+")) {
          problems.add(drl + ": @since missing or not a version");
        }
        // The scope decides which facts the rule's session gets and when they are dropped
        // (FileRuleRun); a rule in too narrow a scope misses matches, which
        // WindowedRulesTest finds by linting every fixture in windows of one statement.
        if (RuleBase.shared().scope(id) == null) {
          problems.add(drl + ": @scope missing or not one of "
              + java.util.Arrays.stream(RuleScope.values()).map(RuleScope::id).toList());
        }
        Matcher fix = FIX.matcher(text);
        if (fix.find() && !dev.migsafe.internal.rules.FixKind.isKnown(fix.group(1))) {
          problems.add(drl + ": @fix(\"" + fix.group(1) + "\") names no rewrite; known: "
              + dev.migsafe.internal.rules.FixKind.names());
        }
      }
      Path doc = drl.resolveSibling(id + ".md");
      Path cases = drl.resolveSibling(id + ".cases.yaml");
      if (!Files.exists(doc)) {
        problems.add(drl + ": no " + doc.getFileName());
      } else {
        checkDoc(id, doc, problems);
      }
      if (!Files.exists(cases)) {
        problems.add(drl + ": no " + cases.getFileName());
      } else {
        checkCases(id, cases, problems);
      }
    }
    for (Path md : RuleFixtures.files(".md")) {
      String name = md.getFileName().toString();
      if (!name.equals("README.md") && !Files.exists(md.resolveSibling(
          name.replace(".md", ".drl"))) && !Set.of("unused-suppression.md",
          "invalid-suppression.md").contains(name)) {
        problems.add(md + ": a doc without a rule");
      }
    }
    assertThat(problems).as("rule catalogue problems").isEmpty();
  }

  private static void checkDoc(String id, Path doc, List<String> problems) throws IOException {
    String text = Files.readString(doc);
    if (!text.startsWith("# " + id + "\n")) {
      problems.add(doc + ": must start with '# " + id + "'");
    }
    for (String section : List.of("## Problem", "## Why it is dangerous", "## Safer alternative")) {
      if (!text.contains("\n" + section + "\n")) {
        problems.add(doc + ": section '" + section + "' missing");
      }
    }
    String instead = sqlAfter(text, "Instead of");
    String use = sqlAfter(text, "Use");
    if (instead == null || use == null) {
      problems.add(doc + ": the safer alternative needs an 'Instead of:' and a 'Use:' SQL block");
      return;
    }
    if (RuleFixtures.run(id, docCase(instead)).isEmpty()) {
      problems.add(doc + ": the 'Instead of' SQL does not fire " + id);
    }
    if (!RuleFixtures.run(id, docCase(use)).isEmpty()) {
      problems.add(doc + ": the 'Use' SQL fires " + id);
    }
  }

  /**
   * Doc examples run as plain files on the newest PostgreSQL. A doc that needs another version
   * or a transaction says so in an SQL comment: {@code -- migsafe-doc: engineVersion=11
   * transaction=always}.
   */
  private static RuleCase docCase(String sql) {
    Matcher m = Pattern.compile("-- migsafe-doc:(.*)").matcher(sql);
    Integer version = null;
    String tx = null;
    if (m.find()) {
      for (String kv : m.group(1).trim().split("\\s+")) {
        String[] p = kv.split("=");
        if (p[0].equals("engineVersion")) {
          version = Integer.parseInt(p[1]);
        } else if (p[0].equals("transaction")) {
          tx = p[1];
        }
      }
    }
    return new RuleCase("doc", sql, null, version, tx, null, List.of());
  }

  private static String sqlAfter(String text, String label) {
    Matcher m = Pattern.compile(String.format(SQL_AFTER.pattern(), Pattern.quote(label)))
        .matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static void checkCases(String id, Path file, List<String> problems) {
    RuleCaseFile cases;
    try {
      cases = RuleFixtures.read(file);
    } catch (RuntimeException e) {
      problems.add(file + ": " + e.getMessage());
      return;
    }
    if (!id.equals(cases.rule())) {
      problems.add(file + ": rule: must be " + id);
    }
    boolean fires = cases.cases().stream().anyMatch(c -> c.expect() != null && !c.expect().isEmpty());
    boolean passes = cases.cases().stream().anyMatch(c -> c.expect() == null || c.expect().isEmpty());
    if (!fires || !passes) {
      problems.add(file + ": needs at least one case that fires and one that does not");
    }
    Set<String> names = new HashSet<>();
    for (RuleCase c : cases.cases()) {
      if (!names.add(c.name())) {
        problems.add(file + ": case name '" + c.name() + "' is used twice");
      }
    }
  }
}
