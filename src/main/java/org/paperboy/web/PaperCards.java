package org.paperboy.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.account.SavedPapers;
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

  /**
   * Writes the list with everything every visitor sees (vote counts included) and a {@link
   * Html#hole} per paper for the visitor's own vote control; {@link #fill} fills those in.
   */
  static void list(Html h, List<Card> cards, Votes votes, int start) {
    Map<String, Integer> counts = votes.counts(cards.stream().map(c -> c.paper().id()).toList());
    h.raw("<ol class=\"papers\" start=\"").text(start).raw("\">");
    for (Card c : cards) {
      Paper p = c.paper();
      h.raw("<li class=\"paper\"><article><div class=\"votes\">").hole(p.id());
      count(h, counts.getOrDefault(p.id(), 0));
      // h2: the cards sit right under the page's h1 (axe and the Nu validator flag a skipped level)
      h.raw("<h2 class=\"title\">").link(paperPath(p.id()), p.title()).raw("</h2>");
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

  /**
   * Writes a kept page part, with this visitor's vote and save controls in its holes: one query
   * each for which of the papers they upvoted and saved when signed in, none otherwise. Asked on
   * every request, so a vote or a save shows on the next page at once.
   */
  static void fill(
      Html h, Html.Fragment f, Votes votes, SavedPapers saved, Visitor visitor, String back) {
    boolean ask = visitor.signedIn() && !f.holes().isEmpty();
    Set<String> mine = ask ? votes.votedBy(visitor.account().id(), f.holes()) : Set.of();
    Set<String> kept = ask ? saved.savedBy(visitor.account().id(), f.holes()) : Set.of();
    h.fill(
        f,
        (out, id) -> {
          voteControl(out, id, mine.contains(id), visitor, back);
          if (visitor.signedIn()) saveControl(out, id, kept.contains(id), visitor, back);
        });
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

  /**
   * The upvote button for a signed-in reader (a plain form, no script), else a sign-in link: the
   * part of a vote box that differs per visitor.
   */
  static void voteControl(Html h, String id, boolean voted, Visitor visitor, String back) {
    if (visitor.signedIn()) {
      button(
          toggle(
              h,
              "<form method=\"post\" action=\"/vote\">",
              id,
              voted ? "remove" : "up",
              visitor,
              back),
          "vote",
          voted,
          "aria-label",
          voted ? "Remove my upvote" : "Upvote",
          "▲");
    } else {
      h.raw("<a class=\"vote\" href=\"/login?next=")
          .text(Html.url(back))
          .raw("\" aria-label=\"Sign in to upvote\">▲</a>");
    }
  }

  /**
   * The save button (to read later, listed on {@code /saved}) for a signed-in reader: a plain form
   * like the vote. A visitor who is not signed in sees none: the sign-in link is the vote's.
   */
  static void saveControl(Html h, String id, boolean saved, Visitor visitor, String back) {
    button(
        toggle(
            h,
            "<form class=\"save\" method=\"post\" action=\"/save\">",
            id,
            saved ? "remove" : "save",
            visitor,
            back),
        "save",
        saved,
        "title",
        saved ? "Remove from my saved papers" : "Save to read later",
        saved ? "Saved" : "Save");
  }

  /**
   * The close of a vote or save form: its button, pressed ({@code on}: class {@code name + "d"},
   * aria-pressed) when the paper is voted or saved, with its label in {@code labelAttribute}.
   */
  private static void button(
      Html h, String name, boolean on, String labelAttribute, String label, String content) {
    h.raw("<button type=\"submit\" class=\"")
        .raw(name)
        .raw(on ? " " + name + "d" : "")
        .raw("\" aria-pressed=\"")
        .raw(on ? "true" : "false")
        .raw("\" ")
        .raw(labelAttribute)
        .raw("=\"")
        .raw(label)
        .raw("\">")
        .raw(content)
        .raw("</button></form>");
  }

  /** The opening of a vote or save form: the form tag, then the fields every such POST carries. */
  private static Html toggle(
      Html h, String form, String id, String action, Visitor visitor, String back) {
    return h.raw(form)
        .hidden(Security.CSRF_FIELD, visitor.csrf())
        .hidden("id", id)
        .hidden("action", action)
        .hidden("next", back);
  }

  static void count(Html h, int count) {
    h.raw("<span class=\"count\" data-votes>").text(count).raw("</span></div>");
  }

  static String paperPath(String id) {
    return "/papers/" + id;
  }
}
