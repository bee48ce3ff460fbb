package org.paperboy.cli;

import org.paperboy.paper.Paper;

/** A paper as a human reads it in a terminal. */
final class PaperText {
  private PaperText() {}

  static String render(Paper p) {
    StringBuilder s = new StringBuilder();
    s.append(p.title()).append('\n');
    s.append(p.id()).append(p.version() > 0 ? "v" + p.version() : "");
    if (!p.categories().isEmpty())
      s.append("  [").append(String.join(", ", p.categories())).append(']');
    s.append('\n');
    if (!p.authors().isEmpty()) s.append(String.join(", ", p.authors())).append('\n');
    line(s, "published", p.published());
    line(s, "updated", p.updated());
    line(s, "doi", p.doi());
    line(s, "journal-ref", p.journalRef());
    line(s, "comments", p.comments());
    line(s, "abs", p.links().abs());
    line(s, "pdf", p.links().pdf());
    line(s, "code", p.links().code());
    line(s, "github stars", p.signals().githubStars());
    line(s, "hf upvotes", p.signals().hfUpvotes());
    line(s, "sources", String.join(", ", p.sources()));
    s.append('\n').append(p.abstractText());
    return s.toString();
  }

  private static void line(StringBuilder s, String label, Object value) {
    if (value != null && !value.toString().isEmpty()) {
      s.append(label).append(": ").append(value).append('\n');
    }
  }
}
