package org.paperboy.search;

import java.util.Locale;
import org.paperboy.BadInputException;

/** How a query is matched: words (BM25), meaning (embeddings), or both fused (the default). */
public enum SearchMode {
  LEXICAL,
  SEMANTIC,
  HYBRID;

  /** Parses {@code lexical}, {@code semantic} or {@code hybrid}, in any case. */
  public static SearchMode parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadInputException(
          "unknown search mode '" + s + "': expected lexical, semantic or hybrid");
    }
  }

  public boolean usesVectors() {
    return this != LEXICAL;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
