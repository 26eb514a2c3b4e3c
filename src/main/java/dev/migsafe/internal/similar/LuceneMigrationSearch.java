package dev.migsafe.internal.similar;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * The catalog's search index in a local folder, in generations: {@code home/CURRENT} names the
 * generation in use ({@code g1}, {@code g2}, ...), each a Lucene index. Updates go into the
 * current generation through Lucene commits, which are atomic: a process killed mid-update
 * leaves the previous commit, which the next open uses. An index that cannot be opened, fails
 * its checksums, or was written by another index format is never repaired in place: a new
 * empty generation is created, CURRENT is switched to it atomically, and the caller refills it
 * from the catalog, which is the source of truth.
 *
 * <p>Not safe for concurrent writers by itself: callers hold a file lock around {@link #open}
 * and {@link #apply} (see {@link CatalogIndex}). Searching needs no lock.
 */
public final class LuceneMigrationSearch implements SimilarMigrationSearch {
  static final String FORMAT = IndexFormat.CURRENT;
  static final String FORMAT_KEY = "migsafe.index.format";
  static final String CURRENT = "CURRENT";
  private static final Pattern GENERATION = Pattern.compile("g(\\d{1,9})");
  /**
   * Up to this many documents, every update merges the index into one segment, so that BM25
   * statistics (which count deleted documents until a merge) and therefore scores are exactly
   * those of a fresh build: the same catalog gives the same answer however its index grew. That
   * costs milliseconds for a team's catalog. Larger indexes keep Lucene's incremental merging;
   * their scores may differ in the last digits after an update.
   */
  static final int EXACT_STATISTICS_MAX_DOCS = 50_000;
  /** Records collected beyond the limit, to drop weak-only matches and order ties by id. */
  private static final int TIE_WINDOW = 16;
  /**
   * How deep a search looks for matches when weak-only records crowd the top: past this, a
   * record whose only link is a word weaker than a shared dialect and size is not worth it.
   */
  private static final int MAX_WINDOW = 4_096;

  private final Directory directory;
  private final String rebuildReason;
  private DirectoryReader reader;
  private IndexSearcher searcher;

  private LuceneMigrationSearch(Directory directory, String rebuildReason) throws IOException {
    this.directory = directory;
    this.rebuildReason = rebuildReason;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  /** An index held in memory only, for a catalog whose index cannot be written anywhere. */
  public static LuceneMigrationSearch inMemory() {
    try {
      Directory dir = new ByteBuffersDirectory();
      createEmpty(dir);
      return new LuceneMigrationSearch(dir, "in memory");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens the index under {@code home}, creating a new empty generation when there is none or
   * the current one is unusable.
   *
   * @throws IOException when {@code home} cannot be written at all
   */
  public static LuceneMigrationSearch open(Path home) throws IOException {
    Files.createDirectories(home);
    String current = currentGeneration(home);
    String reason;
    if (current == null) {
      reason = "no index yet";
    } else {
      Directory dir = FSDirectory.open(home.resolve(current));
      reason = unusable(dir);
      if (reason == null) {
        deleteOtherGenerations(home, current);
        return new LuceneMigrationSearch(dir, null);
      }
      dir.close();
    }
    String next = "g" + (highestGeneration(home) + 1);
    Directory dir = FSDirectory.open(home.resolve(next));
    createEmpty(dir);
    switchCurrent(home, next);
    deleteOtherGenerations(home, next);
    return new LuceneMigrationSearch(dir, reason);
  }

  /** Why opening started a new generation (no index, corrupt, old format), or null. */
  public String rebuildReason() {
    return rebuildReason;
  }

  @Override
  public Map<String, String> indexedHashes() {
    Map<String, String> out = new HashMap<>();
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedDocValues ids = leaf.reader().getSortedDocValues(LuceneFields.ID);
        BinaryDocValues hashes = leaf.reader().getBinaryDocValues(LuceneFields.HASH);
        Bits live = leaf.reader().getLiveDocs();
        if (ids == null || hashes == null) {
          continue;
        }
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if ((live == null || live.get(doc)) && ids.advanceExact(doc)
              && hashes.advanceExact(doc)) {
            out.put(ids.lookupOrd(ids.ordValue()).utf8ToString(),
                hashes.binaryValue().utf8ToString());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Override
  public void apply(Collection<MigrationDocument> upserts, Collection<String> deletes) {
    if (upserts.isEmpty() && deletes.isEmpty()) {
      return;
    }
    IndexWriterConfig config = config().setOpenMode(IndexWriterConfig.OpenMode.APPEND);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (MigrationDocument d : upserts) {
        writer.updateDocument(new Term(LuceneFields.ID, d.id()), LuceneFields.toDocument(d));
      }
      for (String id : deletes) {
        writer.deleteDocuments(new Term(LuceneFields.ID, id));
      }
      if (writer.getDocStats().maxDoc <= EXACT_STATISTICS_MAX_DOCS) {
        writer.forceMerge(1);
      }
      writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    reopen();
  }

  @Override
  public List<SearchHit> search(SimilarityQuery query, int limit) {
    Query q = limit <= 0 || query.isEmpty() ? null
        : SimilarityWeights.query(query, this::indexed);
    if (q == null) {
      return List.of();
    }
    try {
      int window = limit + TIE_WINDOW;
      while (true) {
        ScoreDoc[] docs = searcher.search(q, window).scoreDocs;
        List<SearchHit> hits = matches(docs, query);
        boolean seenAll = docs.length < window;
        // Exact once the window holds `limit` matches and the next record scores lower than
        // the last of them; weak-only records (dropped) can make a window come up short.
        if (seenAll || window >= MAX_WINDOW
            || hits.size() >= limit && hits.get(limit - 1).score() > docs[docs.length - 1].score) {
          return hits.subList(0, Math.min(limit, hits.size()));
        }
        window = Math.min(window * 4, MAX_WINDOW);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The records of {@code docs} that share more than dialect, engine or size, best first,
   * ties in score broken by id (Lucene breaks them by its internal document number).
   */
  private List<SearchHit> matches(ScoreDoc[] docs, SimilarityQuery query) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>(docs.length);
    for (ScoreDoc sd : docs) {
      Document doc = stored.document(sd.doc);
      MigrationFeatures f = LuceneFields.features(doc);
      if (SimilarityWeights.sharesMoreThanWeakFeatures(query, f, sd.score)) {
        hits.add(new SearchHit(doc.get(LuceneFields.ID), sd.score, f));
      }
    }
    hits.sort(Comparator.comparingDouble((SearchHit h) -> -h.score())
        .thenComparing(SearchHit::id));
    return hits;
  }

  /** Whether any record (deleted ones until a merge included) has the term. */
  private boolean indexed(Term term) {
    try {
      return reader.docFreq(term) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Number of live documents. */
  public int size() {
    return reader.numDocs();
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void reopen() {
    try {
      DirectoryReader fresh = DirectoryReader.openIfChanged(reader);
      if (fresh != null) {
        reader.close();
        reader = fresh;
        searcher = new IndexSearcher(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A larger buffer than Lucene's 16 MB: a full rebuild then flushes and merges less. */
  private static IndexWriterConfig config() {
    return new IndexWriterConfig(TextAnalysis.ANALYZER).setCommitOnClose(false)
        .setRAMBufferSizeMB(64);
  }

  private static void createEmpty(Directory dir) throws IOException {
    try (IndexWriter w = new IndexWriter(dir,
        config().setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
      w.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
      w.commit();
    }
  }

  /**
   * Null when the index opens, has our format and passes Lucene's checksums of every file;
   * otherwise what is wrong with it. Opening checks the headers and footers of every file;
   * checkIntegrity reads every byte, which costs milliseconds for a catalog's index and catches
   * the bit rot and torn copies that a header check does not.
   */
  static String unusable(Directory dir) {
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      String format = r.getIndexCommit().getUserData().get(FORMAT_KEY);
      if (!FORMAT.equals(format)) {
        return "index written by other code (format " + format + ")";
      }
      for (LeafReaderContext leaf : r.leaves()) {
        leaf.reader().checkIntegrity();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return "unusable index (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static String currentGeneration(Path home) {
    try {
      String name = Files.readString(home.resolve(CURRENT), StandardCharsets.UTF_8).strip();
      return GENERATION.matcher(name).matches() && Files.isDirectory(home.resolve(name))
          ? name : null;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static int highestGeneration(Path home) throws IOException {
    int max = 0;
    try (Stream<Path> s = Files.list(home)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Matcher m = GENERATION.matcher(p.getFileName().toString());
        if (m.matches()) {
          max = Math.max(max, Integer.parseInt(m.group(1)));
        }
      }
    }
    return max;
  }

  /** Writes CURRENT through a temporary file and a rename: readers see the old or the new. */
  private static void switchCurrent(Path home, String generation) throws IOException {
    try {
      AtomicFiles.write(home.resolve(CURRENT), generation + "\n");
    } catch (MigsafeException e) {
      // As an IOException the caller falls back to an in-memory index, as for any unwritable home.
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Best effort: an old generation still open elsewhere is removed by a later run. */
  private static void deleteOtherGenerations(Path home, String keep) {
    try (Stream<Path> s = Files.list(home)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String name = p.getFileName().toString();
        if (GENERATION.matcher(name).matches() && !name.equals(keep)) {
          deleteTree(p);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // a leftover generation costs disk only; the next open tries again
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
