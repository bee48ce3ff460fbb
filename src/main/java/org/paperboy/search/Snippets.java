package org.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Highlighted passages of the abstract: the (at most) two sentences with the most distinct query
 * terms, in text order, matches in {@code <mark>}. The matches' offsets come from the abstract
 * field's postings (indexed with offsets): each query term is looked up once per segment for all
 * the hits in it, and no abstract is re-analysed, which is what made snippets most of a search's
 * time with Lucene's highlighter. The text is HTML-escaped, so a snippet is safe to show as is.
 */
final class Snippets {
  private static final int PASSAGES = 2;
  private static final int FALLBACK_CHARS = 240;
  private static final String ELLIPSIS = " … ";

  private Snippets() {}

  /**
   * One snippet per doc. {@code query} names terms of {@link PaperDocuments#TEXT} (or is null: the
   * abstract's head); {@code abstracts} are the docs' stored abstracts and {@code starts} where
   * each starts in the text's offsets ({@link PaperDocuments#abstractStart}), in the same order.
   */
  static String[] of(
      IndexSearcher searcher, Query query, int[] docs, String[] abstracts, int[] starts)
      throws IOException {
    String[] out = new String[docs.length];
    if (query != null && docs.length > 0) {
      List<List<int[]>> matches = matches(searcher, terms(query), docs, starts);
      for (int i = 0; i < docs.length; i++) {
        if (abstracts[i] != null && !matches.get(i).isEmpty())
          out[i] = highlight(abstracts[i], matches.get(i));
      }
    }
    for (int i = 0; i < docs.length; i++) {
      if (out[i] == null) out[i] = escape(abstracts[i] == null ? "" : head(abstracts[i]));
    }
    return out;
  }

  private static Set<Term> terms(Query query) {
    Set<Term> terms = new HashSet<>();
    query.visit(QueryVisitor.termCollector(terms));
    terms.removeIf(t -> !t.field().equals(PaperDocuments.TEXT));
    return terms;
  }

  /**
   * Per doc, its matches in the abstract as {start, end, term number}, from the postings' offsets
   * (the title's matches, before {@code starts}, are left out).
   */
  private static List<List<int[]>> matches(
      IndexSearcher searcher, Set<Term> terms, int[] docs, int[] starts) throws IOException {
    List<List<int[]>> out = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) out.add(new ArrayList<>());
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Integer[] order = inDocOrder(docs);
    Term[] ts = terms.toArray(new Term[0]);
    int from = 0;
    while (from < order.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[order[from]], leaves));
      int to = from;
      while (to < order.length && docs[order[to]] < leaf.docBase + leaf.reader().maxDoc()) to++;
      Terms field = leaf.reader().terms(PaperDocuments.TEXT);
      if (field != null && field.hasOffsets()) {
        TermsEnum te = field.iterator();
        for (int t = 0; t < ts.length; t++) {
          if (!te.seekExact(ts[t].bytes())) continue;
          PostingsEnum pe = te.postings(null, PostingsEnum.OFFSETS);
          for (int k = from; k < to; k++) {
            int target = docs[order[k]] - leaf.docBase;
            // Advance only when behind: an earlier advance may have landed on this very doc (the
            // next one with the term), and advancing to where an enum stands breaks its contract
            // (it skipped the match, or ran off the end of a block).
            if (pe.docID() < target) pe.advance(target);
            if (pe.docID() != target) continue;
            int start = starts[order[k]];
            for (int n = pe.freq(); n > 0; n--) {
              pe.nextPosition();
              if (pe.startOffset() >= start) {
                out.get(order[k])
                    .add(new int[] {pe.startOffset() - start, pe.endOffset() - start, t});
              }
            }
          }
        }
      }
      from = to;
    }
    return out;
  }

  /**
   * The positions of {@code docs} in ascending doc id order (how postings and stored fields read).
   */
  static Integer[] inDocOrder(int[] docs) {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
    return order;
  }

  /**
   * The best sentences of {@code text} with the matches marked, escaped; null when none matches.
   */
  static String highlight(String text, List<int[]> matches) {
    matches.sort(Comparator.comparingInt((int[] m) -> m[0]).thenComparingInt(m -> -m[1]));
    List<int[]> sentences = sentences(text);
    int[] score = new int[sentences.size()];
    int s = 0;
    List<Set<Integer>> seen = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) seen.add(new HashSet<>());
    for (int[] m : matches) {
      while (s < sentences.size() - 1 && m[0] >= sentences.get(s)[1]) s++;
      if (seen.get(s).add(m[2])) score[s] += 1000; // distinct terms first, then how many matches
      score[s]++;
    }
    Integer[] best = new Integer[sentences.size()];
    for (int i = 0; i < best.length; i++) best[i] = i;
    Arrays.sort(best, Comparator.comparingInt((Integer i) -> -score[i]).thenComparingInt(i -> i));
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < Math.min(PASSAGES, best.length); i++)
      if (score[best[i]] > 0) chosen.add(best[i]);
    if (chosen.isEmpty()) return null;
    chosen.sort(null);
    StringBuilder b = new StringBuilder();
    int last = -2;
    for (int c : chosen) {
      if (b.length() > 0 && c != last + 1) b.append(ELLIPSIS);
      else if (b.length() > 0) b.append(' ');
      int[] sentence = sentences.get(c);
      mark(b, text, sentence[0], sentence[1], matches);
      last = c;
    }
    return b.toString();
  }

  private static void mark(StringBuilder b, String text, int start, int end, List<int[]> matches) {
    int at = start;
    for (int[] m : matches) {
      if (m[1] <= at || m[0] < start) continue; // before, or inside a match already marked
      if (m[0] >= end) break;
      int from = Math.max(m[0], at); // overlapping matches (stacked tokens) merge
      b.append(escape(text.substring(at, from)));
      int stop = Math.min(m[1], end);
      b.append("<mark>").append(escape(text.substring(from, stop))).append("</mark>");
      at = stop;
    }
    b.append(escape(text.substring(at, end)));
  }

  /** Sentence spans, trimmed: a sentence ends after '.', '?' or '!' followed by white space. */
  static List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean end =
          i == text.length() - 1
              || ((c == '.' || c == '?' || c == '!') && Character.isWhitespace(text.charAt(i + 1)));
      if (end) {
        addTrimmed(out, text, start, i + 1);
        start = i + 1;
      }
    }
    if (out.isEmpty()) out.add(new int[] {0, text.length()});
    return out;
  }

  private static void addTrimmed(List<int[]> out, String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) start++;
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
    if (end > start) out.add(new int[] {start, end});
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
