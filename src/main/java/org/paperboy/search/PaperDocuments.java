package org.paperboy.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.paperboy.paper.Paper;
import org.paperboy.paper.TitleKey;

/** The index's fields and the mapping between a {@link Paper} and its Lucene document. */
final class PaperDocuments {
  static final String ID = "id";
  static final String TITLE_KEY = "titlekey";
  static final String TITLE = "title";
  /** Title and abstract as one field: BM25 over one field beats a sum over two on BEIR. */
  static final String TEXT = "text";
  /**
   * Stored, and indexed with offsets only for highlighting: snippets then read the matches' offsets
   * from the postings instead of re-analysing each hit's abstract. Never scored (no norms).
   */
  static final String ABSTRACT = "abstract";
  static final String AUTHORS = "authors";
  static final String AUTHOR = "author";
  static final String CATEGORY = "cat";
  static final String DAY = "day";
  static final String VECTOR = "vec";

  /** The stored fields a hit shows (all but the abstract, which only snippets need). */
  static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(ID, TITLE, AUTHOR, CATEGORY, DAY);

  private static final FieldType HIGHLIGHTED = highlighted();

  private PaperDocuments() {}

  private static FieldType highlighted() {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  static Document toDocument(Paper p, float[] vector) {
    Document d = new Document();
    d.add(new KeywordField(ID, p.id(), Store.YES));
    String key = TitleKey.of(p.title());
    if (!key.isEmpty()) d.add(new KeywordField(TITLE_KEY, key, Store.NO));
    d.add(new TextField(TITLE, p.title(), Store.YES));
    d.add(new TextField(TEXT, p.title() + "\n" + p.abstractText(), Store.NO));
    d.add(new Field(ABSTRACT, p.abstractText(), HIGHLIGHTED));
    d.add(new TextField(AUTHORS, String.join("\n", p.authors()), Store.NO));
    for (String a : p.authors()) d.add(new StoredField(AUTHOR, a));
    for (String c : p.categories()) d.add(new KeywordField(CATEGORY, c, Store.YES));
    LocalDate day = p.published() != null ? p.published() : p.updated();
    if (day != null) d.add(new LongField(DAY, day.toEpochDay(), Store.YES));
    if (vector != null) {
      d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return d;
  }

  /** The hit as shown to readers, from the stored fields. */
  static SearchHit toHit(Document d, double score, String snippet, boolean pinned) {
    IndexableField day = d.getField(DAY);
    return new SearchHit(
        d.get(ID),
        d.get(TITLE),
        List.of(d.getValues(AUTHOR)),
        List.of(d.getValues(CATEGORY)),
        day == null ? null : LocalDate.ofEpochDay(day.numericValue().longValue()),
        score,
        snippet,
        pinned);
  }

  static List<String> values(Document d, String field) {
    return new ArrayList<>(List.of(d.getValues(field)));
  }
}
