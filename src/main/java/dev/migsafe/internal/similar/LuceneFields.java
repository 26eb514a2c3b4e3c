package dev.migsafe.internal.similar;

import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
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
  static final String SUMMARY = "summary";
  static final String LESSONS = "lessons";
  static final String SQL = "sql";

  private LuceneFields() {}

  static Document toDocument(MigrationDocument d) {
    Document doc = new Document();
    doc.add(new StringField(ID, d.id(), Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(d.id())));
    doc.add(new BinaryDocValuesField(HASH, new BytesRef(d.hash())));
    MigrationFeatures f = d.features();
    f.changes().forEach(v -> doc.add(new StringField(CHANGE, v, Store.YES)));
    f.statements().forEach(v -> doc.add(new StringField(STATEMENT, v, Store.YES)));
    f.locks().forEach(v -> doc.add(new StringField(LOCK, v, Store.YES)));
    f.facts().forEach(v -> doc.add(new StringField(FACT, v, Store.YES)));
    f.tables().forEach(v -> doc.add(new StringField(TABLE, v, Store.YES)));
    single(doc, STRONGEST, f.strongestLock());
    single(doc, SIZE, f.sizeClass());
    single(doc, DIALECT, f.dialect());
    single(doc, ENGINE, f.engine());
    doc.add(new TextField(TITLE, d.title(), Store.NO));
    doc.add(new TextField(SUMMARY, d.summary(), Store.NO));
    doc.add(new TextField(LESSONS, d.lessons(), Store.NO));
    doc.add(new TextField(SQL, d.sql(), Store.NO));
    return doc;
  }

  static MigrationFeatures features(Document doc) {
    return new MigrationFeatures(values(doc, CHANGE), values(doc, STATEMENT),
        values(doc, LOCK), doc.get(STRONGEST), values(doc, FACT), values(doc, TABLE),
        doc.get(SIZE), doc.get(DIALECT), doc.get(ENGINE));
  }

  private static void single(Document doc, String field, String value) {
    if (value != null) {
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
