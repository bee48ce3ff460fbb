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

  /**
   * Title, title again, and abstract, as three values of one field. BM25 over one field beats a sum
   * over two on BEIR, and the title's second copy is its boost: one term clause per query word
   * instead of one per word and field (SciFact lexical nDCG@10 0.674, against 0.680 with a boosted
   * title field and 0.666 without any boost; hybrid unchanged), which is what made lexical search
   * fast enough. Indexed with offsets, so snippets read where the matches are from the postings
   * (see {@link #abstractStart}) instead of re-analysing each hit's abstract.
   */
  static final String TEXT = "text";

  /** The abstract, stored only (snippets and related papers read it). */
  static final String ABSTRACT = "abstract";

  static final String AUTHORS = "authors";
  static final String AUTHOR = "author";
  static final String CATEGORY = "cat";
  static final String DAY = "day";
  static final String VECTOR = "vec";

  /** The stored fields a hit shows (all but the abstract, which only snippets need). */
  static final java.util.Set<String> HIT_FIELDS =
      java.util.Set.of(ID, TITLE, AUTHOR, CATEGORY, DAY);

  private static final FieldType WITH_OFFSETS = withOffsets();

  private PaperDocuments() {}

  private static FieldType withOffsets() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  /**
   * Where the abstract starts in {@link #TEXT}'s offsets: each value's offsets continue from the
   * previous value's end plus the analyzer's offset gap (1, Lucene's default).
   */
  static int abstractStart(String title) {
    return 2 * (title.length() + 1);
  }

  static Document toDocument(Paper p, float[] vector) {
    Document d = new Document();
    d.add(new KeywordField(ID, p.id(), Store.YES));
    String key = TitleKey.of(p.title());
    if (!key.isEmpty()) d.add(new KeywordField(TITLE_KEY, key, Store.NO));
    d.add(new TextField(TITLE, p.title(), Store.YES));
    d.add(new Field(TEXT, p.title(), WITH_OFFSETS));
    d.add(new Field(TEXT, p.title(), WITH_OFFSETS));
    d.add(new Field(TEXT, p.abstractText(), WITH_OFFSETS));
    d.add(new StoredField(ABSTRACT, p.abstractText()));
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
