package dev.migsafe.internal.similar;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * The index's fields: keyword fields for the features (stored, to explain a match), text
 * fields for BM25, and doc values for the id (sorting, syncing) and the content hash.
 */
final class LuceneFields {
  static final String ID = "id";
  static final String HASH = "hash";
  static final String CHANGE = "change";
  static final String STATEMENT = "statement";
  static final String LOCK = "lock";
  static final String STRONGEST = "strongest";
  static final String FACT = "fact";
  static final String TABLE = "table";
  static final String SIZE = "size";
  static final String DIALECT = "dialect";
  static final String ENGINE = "engine";
  static final String TITLE = "title";
  /** Title, summary, lessons (with incident and hotfix descriptions) and SQL together. */
  static final String TEXT = "text";

  private LuceneFields() {}

  static Document toDocument(MigrationDocument d) {
    Document doc = new Document();
    doc.add(new StringField(ID, d.id(), Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(d.id())));
    doc.add(new BinaryDocValuesField(HASH, new BytesRef(d.hash())));
    MigrationFeatures f = d.features();
    keywords(doc, CHANGE, f.changes());
    keywords(doc, STATEMENT, f.statements());
    keywords(doc, LOCK, f.locks());
    keywords(doc, FACT, f.facts());
    keywords(doc, TABLE, f.tables());
    single(doc, STRONGEST, f.strongestLock());
    single(doc, SIZE, f.sizeClass());
    single(doc, DIALECT, f.dialect());
    single(doc, ENGINE, f.engine());
    doc.add(new TextField(TITLE, d.title(), Store.NO));
    doc.add(new TextField(TEXT, String.join("\n", d.title(), d.summary(), d.lessons(), d.sql()),
        Store.NO));
    return doc;
  }

  static MigrationFeatures features(Document doc) {
    return new MigrationFeatures(values(doc, CHANGE), values(doc, STATEMENT),
        values(doc, LOCK), doc.get(STRONGEST), values(doc, FACT), values(doc, TABLE),
        doc.get(SIZE), doc.get(DIALECT), doc.get(ENGINE));
  }

  private static void keywords(Document doc, String field, Set<String> values) {
    for (String v : values) {
      single(doc, field, v);
    }
  }

  /**
   * Lucene refuses a whole document holding a term longer than {@link
   * IndexWriter#MAX_TERM_LENGTH} bytes. A record may list such a "table" (no database allows a
   * name that long), or its SQL may seem to name one; the value is left out of the index
   * instead of failing every search of the catalog.
   */
  private static void single(Document doc, String field, String value) {
    if (value != null
        && value.getBytes(StandardCharsets.UTF_8).length <= IndexWriter.MAX_TERM_LENGTH) {
      doc.add(new StringField(field, value, Store.YES));
    }
  }

  private static Set<String> values(Document doc, String field) {
    Set<String> out = new TreeSet<>();
    for (IndexableField f : doc.getFields(field)) {
      out.add(f.stringValue());
    }
    return out;
  }
}
