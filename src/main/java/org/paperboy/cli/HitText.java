package org.paperboy.cli;

import java.util.List;
import org.paperboy.search.SearchHit;

/** A search hit for the terminal: the snippet's HTML turned back into text, matches in *stars*. */
final class HitText {
  private HitText() {}

  static String render(int rank, SearchHit h) {
    StringBuilder b = new StringBuilder();
    b.append(rank)
        .append(". ")
        .append(h.title())
        .append(h.pinned() ? "  [exact match]" : "")
        .append('\n');
    b.append("   ").append(h.id());
    if (h.published() != null) b.append(" · ").append(h.published());
    if (!h.authors().isEmpty()) b.append(" · ").append(authors(h.authors()));
    b.append('\n');
    if (!h.snippet().isEmpty()) b.append("   ").append(text(h.snippet())).append('\n');
    return b.toString();
  }

  private static String authors(List<String> a) {
    return a.size() <= 3 ? String.join(", ", a) : String.join(", ", a.subList(0, 3)) + " et al.";
  }

  static String text(String html) {
    return html.replace("<mark>", "*")
        .replace("</mark>", "*")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }
}
