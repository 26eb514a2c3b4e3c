package dev.migsafe.internal.similar;

import dev.migsafe.internal.model.ChangeKind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structural features an engineer puts into words: "set not null on a big payments
 * table" names a change kind, a size and maybe a table. Phrases, not a grammar: what it misses
 * is still found by the words; what it adds can only reorder matches, never fail a query.
 */
final class TextIntent {
  /** Phrase → change kind, checked in order; later rules may look at what earlier ones found. */
  private static final Map<Pattern, String> CHANGES = new LinkedHashMap<>();

  static {
    change("\\bdrop(?:ping)?\\s+(?:the\\s+)?not[\\s-]+null\\b|\\bnullable\\b|\\boptional\\b",
        "drop-not-null");
    change("(?<!drop\\s)(?<!dropping\\s)\\bnot[\\s-]+null\\b|\\bnon[\\s-]?null\\b|\\brequired\\b",
        "set-not-null");
    change("\\b(?:add(?:ing|s|ed)?|new)\\s+(?:a\\s+|an\\s+|the\\s+)?(?:\\w+\\s+)?columns?\\b",
        "add-column");
    change("\\b(?:drop(?:ping|s|ped)?|remov(?:e|ing|ed))\\s+(?:a\\s+|an\\s+|the\\s+)?(?:\\w+\\s+)?"
        + "columns?\\b", "drop-column");
    change("\\brenam(?:e|ing|ed)\\s+(?:a\\s+|the\\s+)?(?:\\w+\\s+)?columns?\\b|\\bcolumn\\s+renam",
        "rename-column");
    change("\\brenam(?:e|ing|ed)\\s+(?:a\\s+|the\\s+)?(?:\\w+\\s+)?tables?\\b|\\btable\\s+renam",
        "rename-table");
    change("\\b(?:type\\s+change|chang(?:e|ing)\\s+(?:the\\s+)?(?:column\\s+)?type|bigint|"
        + "int(?:eger)?\\s+to\\s+\\w+|widen(?:ing)?|alter\\s+(?:column\\s+)?type|precision)\\b",
        "change-type");
    change("\\bbackfill(?:s|ing|ed)?\\b|\\bcopy(?:ing)?\\s+(?:the\\s+)?(?:data|values|rows)\\b"
        + "|\\bpopulat(?:e|ing)\\b", "backfill");
    change("\\bunique\\b|\\bduplicates?\\b", "add-unique");
    change("\\bprimary\\s+key\\b", "add-primary-key");
    change("\\bforeign\\s+keys?\\b|\\bfks?\\b|\\breferences\\b|\\borphans?\\b",
        "add-foreign-key");
    change("\\bcheck\\s+constraints?\\b", "add-check");
    change("\\bvalidat(?:e|ing|ion)\\b|\\bnot\\s+valid\\b", "validate-constraint");
    change("\\breindex(?:ing)?\\b|\\brebuild(?:ing)?\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+)?index\\b"
        + "|\\bbloat(?:ed)?\\b", "reindex");
    change("\\b(?:drop(?:ping)?|remov(?:e|ing)|unused)\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+)?"
        + "index(?:es)?\\b|\\binvisible\\b", "drop-index");
    change("\\battach(?:ing)?\\s+(?:a\\s+|the\\s+)?partitions?\\b", "attach-partition");
    change("\\bdetach(?:ing)?\\s+(?:a\\s+|the\\s+|old\\s+)?partitions?\\b", "detach-partition");
    change("\\bpartition(?:ing|ed|s)?\\b", "partition-table");
    change("\\benum\\b", "change-enum");
    change("\\b(?:add(?:ing)?|new)\\s+(?:an?\\s+)?(?:enum\\s+)?(?:values?|labels?|status)\\b",
        "add-enum-value");
    change("\\brenam(?:e|ing)\\s+(?:an?\\s+)?(?:enum\\s+)?(?:values?|labels?)\\b",
        "rename-enum-value");
    change("\\bdelet(?:e|ing)\\b|\\bpurg(?:e|ing)\\b|\\bclean\\s*up\\b|\\bretention\\b",
        "delete-rows");
    change("\\btruncat(?:e|ing)\\b", "truncate");
    change("\\bdrop(?:ping)?\\s+(?:a\\s+|the\\s+)?(?:\\w+\\s+)?tables?\\b", "drop-table");
    change("\\b(?:new|creat(?:e|ing))\\s+(?:a\\s+)?tables?\\b", "create-table");
    change("\\btriggers?\\b", "add-trigger");
    change("\\bdefaults?\\b", "set-default");
    change("\\brewrit(?:e|es|ing|ten)\\b", "rewrite-table");
  }

  private static final Pattern INDEX = Pattern.compile("\\bindex(?:es)?\\b|\\bconcurrently\\b");
  private static final Pattern ROWS = Pattern.compile(
      "\\b(\\d+(?:\\.\\d+)?)\\s*(k|m|b|thousand|million|billion)?\\s+rows\\b");
  private static final Map<Pattern, String> LOCKS = Map.of(
      Pattern.compile("\\baccess\\s+exclusive\\b"), "ACCESS EXCLUSIVE",
      Pattern.compile("\\bshare\\s+row\\s+exclusive\\b"), "SHARE ROW EXCLUSIVE",
      Pattern.compile("\\bshare\\s+update\\s+exclusive\\b"), "SHARE UPDATE EXCLUSIVE",
      Pattern.compile("\\binstant\\b"), "INSTANT",
      Pattern.compile("\\bin-?place\\b|\\bonline\\s+ddl\\b"), "INPLACE",
      Pattern.compile("\\btable\\s+copy\\b|\\balgorithm\\s*=\\s*copy\\b"), "COPY");
  private static final Pattern MYSQL = Pattern.compile("\\bmysql\\b|\\binnodb\\b|\\bgh-ost\\b"
      + "|\\bpt-online-schema-change\\b|\\bpt-osc\\b|\\bmariadb\\b");
  private static final Pattern POSTGRES = Pattern.compile("\\bpostgres(?:ql)?\\b|\\bpg\\b");
  private static final Pattern PG_VERSION =
      Pattern.compile("\\b(?:postgres(?:ql)?|pg)\\s*(1\\d|9\\.6)\\b");
  private static final Pattern MYSQL_VERSION = Pattern.compile("\\bmysql\\s*(5\\.7|8\\.0|8\\.4)\\b");

  private TextIntent() {}

  private static void change(String regex, String kind) {
    // Matched against catalog records: a kind outside their vocabulary would never match.
    ChangeKind k = ChangeKind.parse(kind);
    if (k == null || !k.inCatalog()) {
      throw new IllegalStateException("'" + kind + "' is not a catalog change kind");
    }
    CHANGES.put(Pattern.compile(regex), k.id());
  }

  /** The features named in {@code text}; {@code knownTables} are the catalog's table names. */
  static MigrationFeatures of(String text, Set<String> knownTables) {
    if (text == null || text.isBlank()) {
      return MigrationFeatures.none();
    }
    String t = text.toLowerCase(Locale.ROOT);
    Set<String> changes = new HashSet<>();
    CHANGES.forEach((p, kind) -> {
      if (p.matcher(t).find()) {
        changes.add(kind);
      }
    });
    if (INDEX.matcher(t).find() && !changes.contains("drop-index")
        && !changes.contains("reindex") && !changes.contains("add-unique")) {
      changes.add("add-index");
    }
    Set<String> locks = new HashSet<>();
    LOCKS.forEach((p, lock) -> {
      if (p.matcher(t).find()) {
        locks.add(lock);
      }
    });
    Set<String> facts = new HashSet<>();
    if (changes.remove("rewrite-table")) {
      facts.add(MigrationFeatures.REWRITES);
      changes.add("rewrite-table");
    }
    if (t.matches("(?s).*\\b(?:full\\s+)?(?:table\\s+)?scan(?:s|ning)?\\b.*")) {
      facts.add(MigrationFeatures.SCANS);
    }
    String dialect = MYSQL.matcher(t).find() ? "mysql"
        : POSTGRES.matcher(t).find() ? "postgresql" : null;
    String engine = null;
    Matcher v = PG_VERSION.matcher(t);
    if (v.find()) {
      engine = SqlFeatures.engine("postgresql", v.group(1));
    }
    v = MYSQL_VERSION.matcher(t);
    if (v.find()) {
      engine = SqlFeatures.engine("mysql", v.group(1));
    }
    String strongest = locks.stream().max((a, b) -> Integer.compare(LockRank.of(a),
        LockRank.of(b))).orElse(null);
    return new MigrationFeatures(changes, Set.of(), locks, strongest, facts,
        tables(t, knownTables), size(t), dialect, engine);
  }

  /** Catalog tables named in the text, also as a plural, a singular or words with spaces. */
  private static Set<String> tables(String t, Set<String> known) {
    Set<String> words = new HashSet<>();
    String[] w = t.split("[^a-z0-9_]+");
    for (int i = 0; i < w.length; i++) {
      if (w[i].isEmpty()) {
        continue;
      }
      words.add(w[i]);
      words.add(w[i] + "s");
      if (w[i].endsWith("s")) {
        words.add(w[i].substring(0, w[i].length() - 1));
      }
      if (i + 1 < w.length && !w[i + 1].isEmpty()) {
        words.add(w[i] + "_" + w[i + 1]);
        words.add(w[i] + "_" + w[i + 1] + "s");
      }
    }
    Set<String> out = new HashSet<>();
    for (String table : known) {
      if (words.contains(table)) {
        out.add(table);
      }
    }
    return out;
  }

  private static String size(String t) {
    Matcher m = ROWS.matcher(t);
    if (m.find()) {
      double n = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? "" : m.group(2);
      n *= switch (unit) {
        case "k", "thousand" -> 1e3;
        case "m", "million" -> 1e6;
        case "b", "billion" -> 1e9;
        default -> 1;
      };
      return SizeClass.ofRows((long) n).term();
    }
    if (t.matches("(?s).*\\b(?:huge|enormous|billions?)\\b.*")) {
      return SizeClass.HUGE.term();
    }
    if (t.matches("(?s).*\\b(?:big|large|millions)\\b.*")) {
      return SizeClass.LARGE.term();
    }
    if (t.matches("(?s).*\\b(?:small|tiny)\\b.*")) {
      return SizeClass.SMALL.term();
    }
    return null;
  }
}
