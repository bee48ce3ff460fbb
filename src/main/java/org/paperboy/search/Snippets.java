package org.paperboy.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted passages of the abstract. The formatter HTML-escapes the text, so a snippet is safe
 * to show as is, whatever the abstract contained. Terms match whatever field the query named
 * (title, text), since the abstract is only stored.
 */
final class Snippets {
  private static final int PASSAGES = 2;
  private static final int FALLBACK_CHARS = 240;

  private Snippets() {}

  static String[] of(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docs)
      throws IOException {
    String[] out = new String[docs.length];
    if (query != null && docs.length > 0) {
      UnifiedHighlighter h =
          UnifiedHighlighter.builder(searcher, analyzer)
              .withFieldMatcher(field -> true)
              .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
              .withMaxLength(20_000)
              .build();
      Map<String, String[]> byField =
          h.highlightFields(new String[] {PaperDocuments.ABSTRACT}, query, docs.clone(), new int[] {PASSAGES});
      String[] found = byField.get(PaperDocuments.ABSTRACT);
      System.arraycopy(found, 0, out, 0, docs.length);
    }
    for (int i = 0; i < docs.length; i++) {
      if (out[i] == null) {
        String abs = searcher.storedFields().document(docs[i]).get(PaperDocuments.ABSTRACT);
        out[i] = escape(abs == null ? "" : head(abs));
      }
    }
    return out;
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
