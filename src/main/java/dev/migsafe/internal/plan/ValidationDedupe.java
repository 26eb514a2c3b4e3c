package dev.migsafe.internal.plan;

import dev.migsafe.api.CheckKind;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One validation per thing checked. Two validations check the same thing when they run at the
 * same moment (or the kept one runs {@code always}) and either their SQL is the same once
 * whitespace, letter case and needless identifier quotes are set aside, with the same expected
 * result, or they prove the same kind of fact about the same object ({@link
 * ValidationCandidate#subject}). The most specific one is kept (the packet's invariant, then
 * the change's own check, then a catalog template) and its description names the others.
 */
final class ValidationDedupe {
  private static final String TABLE = "([a-z_][a-z0-9_$]*(?: \\. [a-z_][a-z0-9_$]*)?)";
  private static final String COLUMNS = "([a-z_][a-z0-9_$]*(?: , [a-z_][a-z0-9_$]*)*)";
  private static final Pattern NULL_COUNT = Pattern.compile(
      "select count \\( \\* \\) from " + TABLE + " where ([a-z_][a-z0-9_$]*) is null");
  private static final Pattern DUPLICATES = Pattern.compile(
      "select count \\( \\* \\) from \\( select " + COLUMNS + " from " + TABLE
          + "(?: where .*)? group by \\1 having count \\( \\* \\) > 1 \\) (?:as )?[a-z_]+");

  private ValidationDedupe() {}

  static List<ValidationCandidate> of(List<ValidationCandidate> in) {
    List<ValidationCandidate> byRank = new ArrayList<>(in);
    byRank.sort((a, b) -> Integer.compare(b.rank(), a.rank()));
    Map<ValidationCandidate, List<String>> kept = new LinkedHashMap<>();
    // Every pair is compared: read each query once, not once per comparison.
    Map<String, String> memo = new java.util.HashMap<>();
    java.util.function.Function<String, String> normaliser =
        sql -> memo.computeIfAbsent(sql == null ? "" : sql, ValidationDedupe::normalised);
    for (ValidationCandidate c : byRank) {
      ValidationCandidate same = null;
      for (ValidationCandidate k : kept.keySet()) {
        if (covers(k, c, normaliser)) {
          same = k;
          break;
        }
      }
      if (same != null) {
        kept.get(same).add(c.id());
        continue;
      }
      // Of two checks equally specific, the one that proves more (validated, not only
      // present; at every moment, not only one) takes the place of the one it covers. A more
      // specific check is never replaced: an invariant stays even when a template runs more.
      ValidationCandidate weaker = null;
      for (ValidationCandidate k : kept.keySet()) {
        if (k.rank() == c.rank() && covers(c, k, normaliser)) {
          weaker = k;
          break;
        }
      }
      List<String> covered = new ArrayList<>();
      if (weaker != null) {
        covered.add(weaker.id());
        covered.addAll(kept.remove(weaker));
      }
      kept.put(c, covered);
    }
    List<ValidationCandidate> out = new ArrayList<>();
    for (ValidationCandidate c : in) {
      List<String> covered = kept.get(c);
      if (covered == null) {
        continue;
      }
      out.add(covered.isEmpty() ? c : c.with(c.validation().withDescription(
          c.validation().description() + "; also covers " + String.join(", ", covered)
              + ", which " + (covered.size() == 1 ? "checks" : "check") + " the same")));
    }
    return out;
  }

  /** Whether keeping {@code a} makes {@code b} redundant. */
  private static boolean covers(ValidationCandidate a, ValidationCandidate b,
      java.util.function.Function<String, String> normaliser) {
    boolean moment = a.phase().equals(b.phase()) || a.phase().equals("always");
    if (!moment) {
      return false;
    }
    if (normaliser.apply(a.validation().sql()).equals(normaliser.apply(b.validation().sql()))
        && Objects.equals(a.validation().expect(), b.validation().expect())
        && Objects.equals(a.validation().min(), b.validation().min())
        && Objects.equals(a.validation().max(), b.validation().max())) {
      return true;
    }
    Meaning ma = meaning(a, normaliser);
    Meaning mb = meaning(b, normaliser);
    return ma != null && mb != null && ma.kind().covers(mb.kind())
        && ma.subject().equals(mb.subject());
  }

  /** What a validation proves and about what; null when that is not known. */
  record Meaning(CheckKind kind, String subject) {}

  /**
   * A generated or template check says what it proves. An invariant is the packet owner's own
   * SQL, so its meaning is read from the two shapes that restate a change's precondition: a
   * count of the rows where a column IS NULL, and a count of duplicate groups.
   */
  private static Meaning meaning(ValidationCandidate c,
      java.util.function.Function<String, String> normaliser) {
    if (c.checks() != null) {
      return c.subject() == null ? null : new Meaning(c.checks(), c.subject());
    }
    String sql = normaliser.apply(c.validation().sql());
    Matcher m = NULL_COUNT.matcher(sql);
    if (m.matches()) {
      return new Meaning(CheckKind.NO_NULLS, table(m.group(1)) + " " + m.group(2));
    }
    m = DUPLICATES.matcher(sql);
    if (m.matches()) {
      return new Meaning(CheckKind.NO_DUPLICATES, table(m.group(2)) + " "
          + m.group(1).replace(" ", ""));
    }
    return null;
  }

  private static String table(String normalised) {
    String t = normalised.replace(" ", "");
    return t.startsWith("public.") ? t.substring("public.".length()) : t;
  }

  /**
   * The SQL as PostgreSQL reads it: tokens joined by one space, words in lower case, a quoted
   * identifier without its quotes when they change nothing ({@code "orders"} is {@code
   * orders}), strings and quoted mixed-case names as written.
   */
  static String normalised(String sql) {
    List<SourceStatement> statements = SqlSplitter.split(sql == null ? "" : sql);
    if (statements.size() != 1) {
      return sql == null ? "" : sql.strip();
    }
    StringBuilder sb = new StringBuilder();
    for (Token t : statements.get(0).tokens()) {
      String text = switch (t.type()) {
        case WORD -> t.identifier();
        case QUOTED_IDENT -> t.identifier().matches("[a-z_][a-z0-9_$]*") ? t.identifier()
            : t.text();
        default -> t.text();
      };
      sb.append(sb.length() == 0 ? "" : " ").append(text);
    }
    return sb.toString();
  }
}
