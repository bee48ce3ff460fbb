package org.paperboy.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.paper.Paper;
import org.paperboy.rank.Votes;

/** Renders paper lists the same way on every page: title, meta line, abstract, votes. */
final class PaperCards {
  /**
   * One paper on a list; {@code snippetHtml} (already escaped, may be null) replaces the abstract;
   * {@code note} (may be null) is a short plain-text remark such as the trending score.
   */
  record Card(Paper paper, String snippetHtml, String note) {
    Card(Paper paper) {
      this(paper, null, null);
    }
  }

  private PaperCards() {}

  static void list(Html h, List<Card> cards, Votes votes, Visitor visitor, String back, int start) {
    List<String> ids = cards.stream().map(c -> c.paper().id()).toList();
    Map<String, Integer> counts = votes.counts(ids);
    Set<String> mine = visitor.signedIn() ? votes.votedBy(visitor.account().id(), ids) : Set.of();
    h.raw("<ol class=\"papers\" start=\"").text(start).raw("\">");
    for (Card c : cards) {
      Paper p = c.paper();
      h.raw("<li class=\"paper\"><article>");
      voteBox(h, p.id(), counts.getOrDefault(p.id(), 0), mine.contains(p.id()), visitor, back);
      h.raw("<h3 class=\"title\">").link(paperPath(p.id()), p.title()).raw("</h3>");
      meta(h, p);
      if (c.note() != null) h.raw("<p class=\"note\">").text(c.note()).raw("</p>");
      h.raw("<p class=\"authors\">")
          .text(Html.abbreviate(String.join(", ", p.authors()), 240))
          .raw("</p>");
      if (c.snippetHtml() != null && !c.snippetHtml().isBlank()) {
        h.raw("<p class=\"abstract\">").raw(c.snippetHtml()).raw("</p>");
      } else {
        h.raw("<p class=\"abstract\">").text(Html.abbreviate(p.abstractText(), 360)).raw("</p>");
      }
      h.raw("</article></li>");
    }
    h.raw("</ol>");
  }

  static void meta(Html h, Paper p) {
    h.raw("<p class=\"meta\"><span class=\"id\">")
        .text(p.hasArxivId() ? "arXiv:" + p.id() : "listing")
        .raw("</span>");
    if (p.published() != null)
      h.raw(" · <time datetime=\"")
          .text(p.published())
          .raw("\">")
          .text(p.published())
          .raw("</time>");
    if (!p.categories().isEmpty()) {
      h.raw(" · <span class=\"cats\">")
          .text(String.join(" ", p.categories().subList(0, Math.min(4, p.categories().size()))))
          .raw("</span>");
    }
    if (p.signals().hfUpvotes() != null)
      h.raw(" · <span title=\"Hugging Face upvotes\">HF ▲ ")
          .text(p.signals().hfUpvotes())
          .raw("</span>");
    if (p.signals().githubStars() != null)
      h.raw(" · <span title=\"GitHub stars\">★ ").text(p.signals().githubStars()).raw("</span>");
    h.raw("</p>");
  }

  /** The upvote count and, for a signed-in reader, the button; a plain form, no script. */
  static void voteBox(Html h, String id, int count, boolean voted, Visitor visitor, String back) {
    h.raw("<div class=\"votes\">");
    if (visitor.signedIn()) {
      h.raw("<form method=\"post\" action=\"/vote\">")
          .hidden(Security.CSRF_FIELD, visitor.csrf())
          .hidden("id", id)
          .hidden("action", voted ? "remove" : "up")
          .hidden("next", back)
          .raw("<button type=\"submit\" class=\"vote")
          .raw(voted ? " voted" : "")
          .raw("\" aria-pressed=\"")
          .raw(voted ? "true" : "false")
          .raw("\" aria-label=\"")
          .raw(voted ? "Remove my upvote" : "Upvote")
          .raw("\">▲</button></form>");
    } else {
      h.raw("<a class=\"vote\" href=\"/login?next=")
          .text(Html.url(back))
          .raw("\" aria-label=\"Sign in to upvote\">▲</a>");
    }
    h.raw("<span class=\"count\" data-votes>").text(count).raw("</span></div>");
  }

  static String paperPath(String id) {
    return "/papers/" + id;
  }
}
