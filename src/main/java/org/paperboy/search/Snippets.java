package org.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted passages of the abstract. The matches' offsets come from the abstract field's
 * postings (indexed with offsets), so no hit is re-analysed, and the abstracts are the ones the
 * caller already read with the hit's other stored fields. The formatter HTML-escapes the text, so
 * a snippet is safe to show as is, whatever the abstract contained.
 */
final class Snippets {
  private static final int PASSAGES = 2;
  private static final int FALLBACK_CHARS = 240;

  private Snippets() {}

  /**
   * One snippet per doc. {@code query} names terms of {@link PaperDocuments#ABSTRACT} (or is null:
   * the abstract's head); {@code abstracts} are the docs' stored abstracts, in the same order.
   */
  static String[] of(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docs, String[] abstracts)
      throws IOException {
    String[] out = new String[docs.length];
    if (query != null && docs.length > 0) {
      Map<Integer, String> byDoc = new HashMap<>();
      for (int i = 0; i < docs.length; i++) byDoc.put(docs[i], abstracts[i] == null ? "" : abstracts[i]);
      UnifiedHighlighter h =
          new Preloaded(
              UnifiedHighlighter.builder(searcher, analyzer)
                  .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                  .withMaxLength(20_000)
                  // Weight matching builds a searcher and a weight per hit; term offsets are all
                  // a query of plain terms needs, and their terms are looked up once.
                  .withWeightMatches(false)
                  .withHandleMultiTermQuery(false)
                  .withHighlightPhrasesStrictly(false),
              byDoc);
      Map<String, String[]> byField =
          h.highlightFields(new String[] {PaperDocuments.ABSTRACT}, query, docs.clone(), new int[] {PASSAGES});
      String[] found = byField.get(PaperDocuments.ABSTRACT);
      System.arraycopy(found, 0, out, 0, docs.length);
    }
    for (int i = 0; i < docs.length; i++) {
      if (out[i] == null) out[i] = escape(abstracts[i] == null ? "" : head(abstracts[i]));
    }
    return out;
  }

  /** Takes the abstracts from memory instead of reading the stored fields a second time. */
  private static final class Preloaded extends UnifiedHighlighter {
    private final Map<Integer, String> byDoc;

    Preloaded(UnifiedHighlighter.Builder b, Map<Integer, String> byDoc) {
      super(b);
      this.byDoc = byDoc;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        values.add(new CharSequence[] {byDoc.getOrDefault(doc, "")});
      }
      return values;
    }
  }

  private static String head(String s) {
    if (s.length() <= FALLBACK_CHARS) return s;
    int cut = s.lastIndexOf(' ', FALLBACK_CHARS);
    return s.substring(0, cut > 0 ? cut : FALLBACK_CHARS) + " …";
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#x27;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
