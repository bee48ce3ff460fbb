package org.paperboy.ingest;

import org.paperboy.paper.Paper;

/**
 * The documented limits on a paper's fields (README, "Limits"). A record beyond one of them is
 * rejected, not truncated: a 5 MB "abstract" is a broken feed, and storing a cut copy would hide
 * it.
 */
final class PaperLimits {
  static final int MAX_TITLE = 1_000;
  static final int MAX_ABSTRACT = 20_000;
  static final int MAX_AUTHORS = 2_000;
  static final int MAX_AUTHOR_NAME = 300;
  static final int MAX_CATEGORIES = 50;
  static final int MAX_CATEGORY = 60;
  static final int MAX_DOI = 300;
  static final int MAX_JOURNAL_REF = 800;
  static final int MAX_COMMENTS = 3_000;
  static final int MAX_LICENSE = 400;
  static final int MAX_LINK = 900;

  private PaperLimits() {}

  /** Null when the paper is acceptable, else why it is not, in words for the person who fed it. */
  static String violation(Paper p) {
    if (p.title().isBlank()) return "the title is empty";
    if (p.abstractText().isBlank()) return "the abstract is empty";
    String tooLong =
        firstTooLong(
            "title",
            p.title(),
            MAX_TITLE,
            "abstract",
            p.abstractText(),
            MAX_ABSTRACT,
            "doi",
            p.doi(),
            MAX_DOI,
            "journal-ref",
            p.journalRef(),
            MAX_JOURNAL_REF,
            "comments",
            p.comments(),
            MAX_COMMENTS,
            "license",
            p.license(),
            MAX_LICENSE,
            "abs link",
            p.links().abs(),
            MAX_LINK,
            "pdf link",
            p.links().pdf(),
            MAX_LINK,
            "code link",
            p.links().code(),
            MAX_LINK,
            "project link",
            p.links().project(),
            MAX_LINK);
    if (tooLong != null) return tooLong;
    if (p.authors().size() > MAX_AUTHORS) {
      return "too many authors: " + p.authors().size() + " (limit " + MAX_AUTHORS + ")";
    }
    for (String a : p.authors()) {
      if (a.length() > MAX_AUTHOR_NAME) {
        return "an author name is "
            + a.length()
            + " characters long (limit "
            + MAX_AUTHOR_NAME
            + ")";
      }
    }
    if (p.categories().size() > MAX_CATEGORIES) {
      return "too many categories: " + p.categories().size() + " (limit " + MAX_CATEGORIES + ")";
    }
    for (String c : p.categories()) {
      if (c.length() > MAX_CATEGORY || c.contains(" ")) return "not a category: '" + c + "'";
    }
    return firstWithNul(
        "id", p.id(),
        "doi", p.doi(),
        "license", p.license(),
        "abs link", p.links().abs(),
        "pdf link", p.links().pdf(),
        "code link", p.links().code(),
        "project link", p.links().project(),
        "category", String.join(" ", p.categories()),
        "keyword", String.join(" ", p.signals().aiKeywords()));
  }

  /**
   * PostgreSQL cannot store a NUL character in text. The Normalizer drops it from prose; in an id,
   * a link or a DOI it means the value itself is broken, so the record is rejected instead.
   */
  private static String firstWithNul(String... nameValue) {
    for (int i = 0; i < nameValue.length; i += 2) {
      String value = nameValue[i + 1];
      if (value != null && value.indexOf('\u0000') >= 0) {
        return "the " + nameValue[i] + " contains a NUL character (U+0000)";
      }
    }
    return null;
  }

  private static String firstTooLong(Object... nameValueLimit) {
    for (int i = 0; i < nameValueLimit.length; i += 3) {
      String value = (String) nameValueLimit[i + 1];
      int limit = (Integer) nameValueLimit[i + 2];
      if (value != null && value.length() > limit) {
        return "the "
            + nameValueLimit[i]
            + " is "
            + value.length()
            + " characters long (limit "
            + limit
            + ")";
      }
    }
    return null;
  }
}
