package org.paperboy.web;

import java.util.List;
import org.paperboy.paper.Paper;

/** The minimal paper list page. Everything that came from a feed is escaped. */
final class IndexPage {
  private IndexPage() {}

  static String render(long count, List<Paper> papers) {
    StringBuilder html = new StringBuilder(16_384);
    html.append(
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>paperboy</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;line-height:1.45}
        li{margin:.9rem 0} .meta{color:#555;font-size:.9em} .abs{font-size:.92em}
        </style></head><body>
        <h1>paperboy</h1>
        """);
    html.append("<p>").append(String.format("%,d", count)).append(" papers in the store. The latest ")
        .append(papers.size()).append(":</p>\n<ol>\n");
    for (Paper p : papers) {
      html.append("<li><strong>");
      String link = p.links().abs();
      if (link != null && link.startsWith("http")) {
        html.append("<a href=\"").append(Html.escape(link)).append("\">")
            .append(Html.escape(p.title())).append("</a>");
      } else {
        html.append(Html.escape(p.title()));
      }
      html.append("</strong><div class=\"meta\">").append(Html.escape(p.id()));
      if (p.published() != null) html.append(" · ").append(p.published());
      if (!p.categories().isEmpty()) html.append(" · ").append(Html.escape(String.join(", ", p.categories())));
      html.append("<br>").append(Html.escape(abbreviate(String.join(", ", p.authors()), 200)))
          .append("</div><div class=\"abs\">").append(Html.escape(abbreviate(p.abstractText(), 400)))
          .append("</div></li>\n");
    }
    return html.append("</ol></body></html>\n").toString();
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
