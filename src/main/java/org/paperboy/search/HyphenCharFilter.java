package org.paperboy.search;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Maps hyphens ({@code -}, U+2010, U+2011) to {@link HyphenFilter#JOINER}, which the standard
 * tokenizer keeps inside a word. One character for one, so offsets need no correction; a plain loop
 * over the buffer, where Lucene's {@code MappingCharFilter} looked every character up in a map (8%
 * of indexing).
 */
final class HyphenCharFilter extends CharFilter {
  HyphenCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = input.read(buffer, offset, length);
    for (int i = offset; i < offset + n; i++) {
      char c = buffer[i];
      if (c == '-' || c == '\u2010' || c == '\u2011') buffer[i] = HyphenFilter.JOINER;
    }
    return n;
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }
}
