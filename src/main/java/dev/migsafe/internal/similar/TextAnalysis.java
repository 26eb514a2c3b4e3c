package dev.migsafe.internal.similar;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.IOUtils;

/**
 * How migration text becomes terms, the same for records and queries: English stemming (so
 * "backfilling" meets "backfill"), English stop words removed, and identifiers split at {@code _} and
 * {@code .} so that "orders.customer_email" meets "customer email".
 */
public final class TextAnalysis {
  /** Keywords every migration has; in a query made of SQL they would only add noise. */
  static final Set<String> SQL_NOISE = Set.of("alter", "table", "add", "column", "set", "not",
      "null", "default", "on", "from", "where", "select", "update", "insert", "into", "values",
      "and", "or", "as", "by", "to", "in", "is", "with", "create", "drop", "constraint", "type",
      "using", "key", "begin", "commit", "if", "exists", "only", "between", "now", "interval",
      "count", "limit", "order", "true", "false", "public", "lock_timeout", "statement_timeout",
      "lock", "timeout", "statement", "for", "each", "row", "execute", "function", "text",
      "int", "integer", "varchar", "char", "timestamptz", "timestamp", "primary", "references",
      "id");

  /**
   * Snowball's English stop words (about 170): Lucene's default list has 33, which leaves
   * words like "so" and "were" to show up in "why it matched".
   */
  private static final CharArraySet STOP_WORDS = snowballEnglishStopWords();

  public static final Analyzer ANALYZER = new Analyzer() {
    private final NormalizeCharMap splitIdentifiers = splitIdentifiers();

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new MappingCharFilter(splitIdentifiers, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = new EnglishPossessiveFilter(source);
      ts = new LowerCaseFilter(ts);
      ts = new StopFilter(ts, STOP_WORDS);
      ts = new PorterStemFilter(ts);
      return new TokenStreamComponents(source, ts);
    }
  };

  private static final CharArraySet SQL_NOISE_SET = new CharArraySet(SQL_NOISE, true);

  private TextAnalysis() {}

  private static CharArraySet snowballEnglishStopWords() {
    try (InputStream in = SnowballFilter.class.getResourceAsStream("english_stop.txt");
        Reader r = IOUtils.getDecodingReader(in, StandardCharsets.UTF_8)) {
      return WordlistLoader.getSnowballWordSet(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NormalizeCharMap splitIdentifiers() {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    b.add("_", " ");
    b.add(".", " ");
    return b.build();
  }

  /**
   * The distinct terms of a text, each with the first word it came from (for explanations),
   * at most {@code max} of them.
   *
   * @param dropSqlNoise leave out the keywords every migration has
   */
  public static Map<String, String> terms(String text, boolean dropSqlNoise, int max) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    try (TokenStream ts = ANALYZER.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken() && out.size() < max) {
        String t = term.toString();
        String word = text.substring(offset.startOffset(), offset.endOffset());
        if (dropSqlNoise && (SQL_NOISE_SET.contains(word) || SQL_NOISE_SET.contains(t))) {
          continue;
        }
        if (t.length() > 1 && !Character.isDigit(t.charAt(0))) {
          out.putIfAbsent(t, word.toLowerCase(java.util.Locale.ROOT));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
