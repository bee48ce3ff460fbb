package org.paperboy.ingest.text;

import static org.paperboy.ingest.text.TexScan.isLetter;
import static org.paperboy.ingest.text.TexScan.skipSpaces;

import java.text.Normalizer;

/**
 * The letter under a TeX accent ({@code \"o}, {@code \'{e}}, {@code \c c}), composed in Unicode.
 */
final class TexAccents {
  private TexAccents() {}

  /**
   * An accent's target at {@code k}: {@code e}, {@code {e}}, {@code \i}, {@code {\i}}, after
   * optional spaces. Appends the composed letter and returns the index after it, or -1 (nothing
   * appended) when no letter follows.
   */
  static int compose(String s, int k, char combining, StringBuilder out) {
    k = skipSpaces(s, k);
    int n = s.length();
    if (k >= n) {
      return -1;
    }
    char base;
    int end;
    char c = s.charAt(k);
    if (c == '{') {
      int close = s.indexOf('}', k);
      if (close < 0 || close - k > 6) {
        return -1;
      }
      String inner = s.substring(k + 1, close).strip();
      if (inner.length() == 1 && isLetter(inner.charAt(0))) {
        base = inner.charAt(0);
      } else if (inner.equals("\\i") || inner.equals("\\j")) {
        base = inner.charAt(1);
      } else {
        return -1;
      }
      end = close + 1;
    } else if (c == '\\'
        && k + 1 < n
        && "ij".indexOf(s.charAt(k + 1)) >= 0
        && (k + 2 >= n || !isLetter(s.charAt(k + 2)))) {
      base = s.charAt(k + 1); // dotless i under an accent is just i with it
      end = skipSpaces(s, k + 2);
    } else if (isLetter(c)) {
      base = c;
      end = k + 1;
    } else {
      return -1;
    }
    out.append(Normalizer.normalize(base + String.valueOf(combining), Normalizer.Form.NFC));
    return end;
  }
}
