package org.paperboy.ingest.text;

/**
 * Where a {@code $...$} or {@code $$...$$} span of one text closes. As in Pandoc, an opening dollar
 * must touch a non-space and a closing one must follow a non-space, so "costs $5 and $10" stays
 * prose; a span that starts with a digit also may not close right before one ("$5-$10"), while
 * "$\sim$10" still works. One instance per text: it remembers where earlier searches found nothing.
 */
final class MathSpans {
  /** Hostile input ("$a $a $a ...") must stay linear: a span is at most this long. */
  private static final int MAX_MATH = 500;

  private final String s;
  private int noCloserUpTo;
  private boolean noCloserStrict;

  MathSpans(String s) {
    this.s = s;
  }

  /**
   * The index of the dollar closing the span whose content starts at {@code from} (opened by {@code
   * delimiter} dollars), or -1.
   */
  int closer(int from, int delimiter) {
    int n = s.length();
    int close = -1;
    boolean number = Character.isDigit(s.charAt(from));
    int limit = Math.min(n, from + MAX_MATH);
    // A closer is judged by its own neighbours, so where an earlier search found none (and was not
    // stricter than this one) there is none now: skipping that stretch keeps "$a $a $a ..." linear.
    int startAt =
        delimiter == 1 && (number || !noCloserStrict) ? Math.max(from + 1, noCloserUpTo) : from + 1;
    for (int k = startAt; k < limit; k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '$') {
        boolean afterSpace = Character.isWhitespace(s.charAt(k - 1));
        boolean beforeDigit = k + delimiter < n && Character.isDigit(s.charAt(k + delimiter));
        if (delimiter == 2
            ? k + 1 < n && s.charAt(k + 1) == '$'
            : !afterSpace && !(number && beforeDigit)) {
          close = k;
          break;
        }
      }
    }
    if (close < 0 && delimiter == 1) {
      noCloserUpTo = limit;
      noCloserStrict = number;
    }
    return close;
  }
}
