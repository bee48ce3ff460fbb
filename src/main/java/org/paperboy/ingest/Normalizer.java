package org.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;
import org.paperboy.paper.Paper;

/**
 * Cleans the text fields of a paper the same way for every source: whitespace and line breaks
 * collapsed, TeX accents and symbols decoded to Unicode. (Placeholder: whitespace only for now.)
 */
public final class Normalizer {
  private Normalizer() {}

  /** Collapses runs of whitespace (including line breaks) to one space and trims. */
  public static String text(String s) {
    return s == null ? null : s.replaceAll("\\s+", " ").strip();
  }

  /** Applies {@link #text} to the builder's text fields. */
  public static void normalize(Paper.Builder b) {
    b.title(text(b.title())).abstractText(text(b.abstractText()));
    List<String> authors = new ArrayList<>();
    for (String a : b.authors()) authors.add(text(a));
    b.authors(authors);
  }
}
