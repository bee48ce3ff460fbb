package org.paperboy.ingest.text;

import java.util.ArrayList;
import java.util.List;
import org.paperboy.paper.Paper;

/**
 * Cleans the text fields of a paper the same way for every source: whitespace and line breaks
 * collapsed, TeX accents, symbols and simple math decoded to Unicode ({@link TexDecoder}), {@code
 * --} and {@code ---} to dashes. Runs on every record, so text with nothing to clean (most titles)
 * is returned as it is after one scan, without allocating.
 */
public final class Normalizer {
  private Normalizer() {}

  /**
   * Decodes TeX, collapses runs of whitespace (including line breaks) to one space, trims and drops
   * NUL characters. Null stays null; text that is only whitespace becomes "".
   */
  public static String text(String s) {
    if (s == null) {
      return null;
    }
    s = Mojibake.repair(s);
    if (isClean(s)) {
      return s;
    }
    return collapse(hasTex(s) ? TexDecoder.text(s) : s);
  }

  /**
   * Only the whitespace part of {@link #text}: runs as one space, ends trimmed, NUL dropped. For
   * names and categories, which are almost always clean already: those are scanned once and
   * returned as they are.
   */
  public static String spaces(String s) {
    return hasSpaceToCollapse(s) ? collapse(s) : s;
  }

  private static boolean hasSpaceToCollapse(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\u0000') return true;
      if (isSpace(c) && (c != ' ' || i == 0 || i == n - 1 || isSpace(s.charAt(i + 1)))) return true;
    }
    return false;
  }

  /** HTML to plain text: tags removed, entities such as {@code &amp;} and {@code &#39;} decoded. */
  public static String stripHtml(String s) {
    if (s == null || (s.indexOf('<') < 0 && s.indexOf('&') < 0)) {
      return s;
    }
    return HtmlText.strip(s);
  }

  /** Applies {@link #text} to the builder's text fields; blank authors are dropped. */
  public static void normalize(Paper.Builder b) {
    b.title(text(b.title()));
    b.abstractText(text(b.abstractText()));
    b.comments(text(b.comments()));
    b.journalRef(text(b.journalRef()));
    List<String> authors = new ArrayList<>(b.authors().size());
    for (String a : b.authors()) {
      String name = text(a);
      if (name != null && !name.isEmpty()) {
        authors.add(name);
      }
    }
    b.authors(authors);
  }

  /** True when text() would return {@code s} unchanged: the fast path. */
  private static boolean isClean(String s) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '$', '{', '}' -> {
          return false;
        }
        case '-' -> {
          if (i + 1 < n && s.charAt(i + 1) == '-') {
            return false;
          }
        }
        case ' ' -> {
          if (i == 0 || i == n - 1 || s.charAt(i + 1) == ' ') {
            return false;
          }
        }
        default -> {
          if (c < ' ' || (c > '~' && Character.isWhitespace(c)) || c == '\u00A0') {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Whether the TeX decoder has anything to do: a command, math, a group or a dash pair. */
  private static boolean hasTex(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '$' || c == '{' || (c == '-' && i + 1 < n && s.charAt(i + 1) == '-')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs of whitespace (Unicode's, and the no-break space) become one space; ends are trimmed; NUL
   * characters are dropped. Works on a char array: this is the whole cost of normalising most
   * Kaggle abstracts.
   */
  private static String collapse(String s) {
    char[] in = s.toCharArray();
    char[] out = new char[in.length];
    int len = 0;
    boolean space = false;
    for (char c : in) {
      if (c == '\u0000') {
        // Noise from a damaged feed, and PostgreSQL cannot store it in text (H2 can).
        continue;
      }
      if (isSpace(c)) {
        space = true;
      } else {
        if (space && len > 0) {
          out[len++] = ' ';
        }
        space = false;
        out[len++] = c;
      }
    }
    return new String(out, 0, len);
  }

  private static boolean isSpace(char c) {
    if (c == ' ') {
      return true;
    }
    if (c < ' ') {
      return Character.isWhitespace(c);
    }
    return c > '~' && (c == '\u00A0' || Character.isWhitespace(c));
  }
}
