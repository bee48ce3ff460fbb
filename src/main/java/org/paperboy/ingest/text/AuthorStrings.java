package org.paperboy.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits arXiv's one-string author lists ({@code arXivRaw}, the Kaggle snapshot) into names: "A.
 * Serga, M. Kostylev, and B. Hillebrands", "A. Jaffe (1) and G. Ritter (1) ((1) Harvard)".
 *
 * <p>Names are separated by commas and by the word "and"; parenthesised text is an affiliation and
 * is dropped; commas inside TeX braces ({@code {\O}bro}) do not separate; "Jr." and friends stay
 * with the name before them; a trailing "et al" is not an author. TeX accents are left for the
 * {@link Normalizer}.
 */
public final class AuthorStrings {
  private static final Pattern AND = Pattern.compile("\\s+and\\s+");
  private static final Pattern LEADING_AND = Pattern.compile("^and\\s+");
  private static final Pattern SUFFIX = Pattern.compile("(?i)(jr|sr)\\.?|ii|iii|iv");
  private static final Pattern ET_AL = Pattern.compile("(?i)(^|\\s+)et\\.?\\s+al\\.?$");

  private AuthorStrings() {}

  public static List<String> split(String authors) {
    List<String> names = new ArrayList<>();
    if (authors == null) {
      return names;
    }
    for (String piece : commaSeparated(authors)) {
      String part = LEADING_AND.matcher(piece.strip()).replaceFirst("");
      for (String name : AND.split(part)) {
        name = ET_AL.matcher(name.strip()).replaceFirst("").strip();
        if (name.isEmpty()) {
          continue;
        }
        if (SUFFIX.matcher(name).matches() && !names.isEmpty()) {
          names.set(names.size() - 1, names.get(names.size() - 1) + " " + name);
        } else {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** Splits at commas outside braces, dropping parenthesised text on the way. */
  private static List<String> commaSeparated(String s) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int parens = 0;
    int braces = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (braces == 0 && c == '(') {
        parens++;
      } else if (braces == 0 && c == ')' && parens > 0) {
        parens--;
      } else if (parens > 0) {
        continue; // inside an affiliation
      } else if (c == ',' && braces == 0) {
        pieces.add(current.toString());
        current.setLength(0);
      } else {
        if (c == '{') braces++;
        if (c == '}' && braces > 0) braces--;
        current.append(c);
      }
    }
    pieces.add(current.toString());
    return pieces;
  }
}
