package org.paperboy.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Makes "multi-modal" and "multimodal" meet. {@link PaperAnalyzer} maps hyphens to a middle dot,
 * which the standard tokenizer keeps inside a word; this filter emits the joined word ({@code
 * multimodal}) and, stacked on it, the parts ({@code multi}, {@code modal}), so a query written
 * either way matches.
 */
final class HyphenFilter extends TokenFilter {
  static final char JOINER = '\u00B7';

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final Deque<int[]> parts = new ArrayDeque<>(); // {start, end} within the joined token
  private State saved;
  private String original;
  private int baseOffset;
  private boolean firstPart;

  HyphenFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!parts.isEmpty()) {
      restoreState(saved);
      int[] p = parts.poll();
      term.setEmpty().append(original, p[0], p[1]);
      offset.setOffset(baseOffset + p[0], baseOffset + p[1]);
      posInc.setPositionIncrement(firstPart ? 0 : 1); // the first part sits under the joined word
      firstPart = false;
      return true;
    }
    if (!input.incrementToken()) return false;
    if (!hasJoiner()) return true; // most tokens: no string made
    String t = term.toString();
    int start = 0;
    for (int i = 0; i <= t.length(); i++) {
      if (i == t.length() || t.charAt(i) == JOINER) {
        if (i > start) parts.add(new int[] {start, i});
        start = i + 1;
      }
    }
    String joined = t.replace(String.valueOf(JOINER), "");
    if (parts.size() <= 1) {
      parts.clear();
      term.setEmpty().append(joined);
      return true;
    }
    original = t;
    baseOffset = offset.startOffset();
    saved = captureState();
    firstPart = true;
    term.setEmpty().append(joined);
    return true;
  }

  private boolean hasJoiner() {
    char[] b = term.buffer();
    for (int i = 0, n = term.length(); i < n; i++) if (b[i] == JOINER) return true;
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    parts.clear();
    saved = null;
  }
}
