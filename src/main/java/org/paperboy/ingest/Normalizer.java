package org.paperboy.ingest;

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
}
