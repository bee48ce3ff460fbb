package org.paperboy.digest;

import static org.paperboy.html.HtmlEscape.escape;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.paperboy.digest.DigestLinks.Purpose;
import org.paperboy.digest.DigestPlan.Item;
import org.paperboy.digest.DigestPlan.Section;
import org.paperboy.paper.Paper;

/**
 * Turns a plan into the email: a plain-text body and an HTML one. The HTML uses inline styles only
 * (mail clients drop style sheets), no images and no scripts, and leaves backgrounds to the client
 * so dark mode stays readable; every title, author and alert is escaped. One renderer serves one
 * run: each paper's entry is rendered once and reused across readers; only the reason line and the
 * signed links (the paper's own link too: it goes through the click redirect, signed for the
 * reader) differ per reader. Not thread-safe.
 */
final class DigestRenderer {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final int ABSTRACT_CHARS = 280;

  /** A rendered digest, ready for the outbox. */
  record Rendered(
      String subject,
      String text,
      String html,
      String messageId,
      String unsubscribeUrl,
      String manageUrl) {}

  private static final String HEAD_1 =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          + "<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"supported-color-schemes\" content=\"light dark\">"
          + "<title>";
  private static final String HEAD_2 =
      "</title></head><body style=\"margin:0;padding:0;\">"
          + "<div style=\"max-width:640px;margin:0 auto;padding:16px;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.45;\">"
          + "<h1 style=\"font-size:20px;margin:0 0 12px;\">Your paperboy digest for ";
  private static final String SECTION =
      "<h2 style=\"font-size:16px;margin:24px 0 8px;border-bottom:1px solid #888888;padding-bottom:4px;\">";

  private final DigestLinks links;
  private final String feedLink;
  private final java.util.Map<String, Block> blocks = new java.util.HashMap<>();

  private final boolean reuse;

  /**
   * @param reuse true renders each paper's entry once and reuses it for every reader; false renders
   *     it afresh for each: only the digest benchmark's baseline, to measure what the reuse saves
   */
  DigestRenderer(DigestLinks links, boolean reuse) {
    this.links = links;
    this.reuse = reuse;
    this.feedLink =
        "<a href=\""
            + escape(links.baseUrl() + "/feed.atom")
            + "\" style=\"color:inherit;\">Atom feed</a>";
  }

  Rendered render(DigestPlan plan, Instant now) {
    long id = plan.subscription().id();
    String unsubscribe = links.url(Purpose.UNSUBSCRIBE, id, now);
    String manage = links.url(Purpose.MANAGE, id, now);
    int n = plan.items().size();
    String subject =
        "paperboy: " + n + (n == 1 ? " paper" : " papers") + " for " + DAY.format(plan.date());
    // One digest per subscriber and date: the same id if it is ever sent twice, so clients merge
    // them. Only the left part: the mailer adds the From address's domain (mail.MessageIds).
    String messageId = "digest." + id + "." + plan.date();
    // Each paper's click link, signed once for both parts.
    String[] urls = new String[n];
    for (int k = 0; k < n; k++) urls[k] = links.clickUrl(id, plan.items().get(k).paper().id());
    return new Rendered(
        subject,
        text(plan, urls, unsubscribe, manage),
        html(plan, urls, subject, unsubscribe, manage),
        messageId,
        unsubscribe,
        manage);
  }

  private String text(DigestPlan plan, String[] urls, String unsubscribe, String manage) {
    StringBuilder t = new StringBuilder(4096);
    t.append("Your paperboy digest for ").append(DAY.format(plan.date())).append("\n");
    for (Section s : Section.values()) {
      boolean first = true;
      for (int k = 0; k < urls.length; k++) {
        Item i = plan.items().get(k);
        if (i.section() != s) continue;
        if (first) t.append("\n== ").append(s.title).append(" ==\n");
        first = false;
        Block b = block(i.paper());
        t.append(b.textHead).append(i.reason()).append("\n  ").append(urls[k]).append('\n');
      }
    }
    t.append("\n--\nChange alerts, time or zone: ")
        .append(manage)
        .append("\nUnsubscribe: ")
        .append(unsubscribe)
        .append("\nAll new papers as a feed: ")
        .append(links.baseUrl())
        .append("/feed.atom\n");
    return t.toString();
  }

  private String html(
      DigestPlan plan, String[] urls, String subject, String unsubscribe, String manage) {
    StringBuilder h = new StringBuilder(16384);
    h.append(HEAD_1)
        .append(escape(subject))
        .append(HEAD_2)
        .append(escape(DAY.format(plan.date())))
        .append("</h1>");
    for (Section s : Section.values()) {
      boolean first = true;
      for (int k = 0; k < urls.length; k++) {
        Item i = plan.items().get(k);
        if (i.section() != s) continue;
        if (first) h.append(SECTION).append(escape(s.title)).append("</h2>");
        first = false;
        Block b = block(i.paper());
        h.append(ENTRY)
            .append(escape(urls[k]))
            .append(b.htmlHead)
            .append(escape(i.reason()))
            .append(b.htmlTail);
      }
    }
    h.append(
            "<p style=\"font-size:12px;opacity:0.75;margin-top:32px;border-top:1px solid #888888;padding-top:8px;\">")
        .append("<a href=\"")
        .append(escape(manage))
        .append("\" style=\"color:inherit;\">Change alerts, time or zone</a> · ")
        .append("<a href=\"")
        .append(escape(unsubscribe))
        .append("\" style=\"color:inherit;\">Unsubscribe</a> · ")
        .append(feedLink)
        .append("</p></div></body></html>\n");
    return h.toString();
  }

  /** How an HTML entry starts, up to its link (which differs per reader). */
  private static final String ENTRY = "<div style=\"margin:0 0 16px;\"><a href=\"";

  /**
   * The parts of a paper's entry that are the same in every digest, around the reader's reason and
   * link: made once per paper and run (a run renders the same few hundred papers into many
   * digests).
   */
  private record Block(String textHead, String htmlHead, String htmlTail) {}

  private Block block(Paper p) {
    return reuse ? blocks.computeIfAbsent(p.id(), id -> newBlock(p)) : newBlock(p);
  }

  private Block newBlock(Paper p) {
    String textHead =
        "\n* " + p.title() + "\n  " + (p.authors().isEmpty() ? "" : authors(p) + "\n  ");
    // No link colour: the client's own stays readable on light and dark backgrounds.
    StringBuilder h =
        new StringBuilder(1024)
            .append("\" style=\"font-weight:600;\">")
            .append(escape(p.title()))
            .append("</a>");
    if (!p.authors().isEmpty())
      h.append("<div style=\"font-size:13px;opacity:0.8;\">")
          .append(escape(authors(p)))
          .append("</div>");
    h.append("<div style=\"font-size:13px;font-style:italic;margin:2px 0;\">");
    String htmlTail =
        "</div><div style=\"font-size:14px;\">"
            + escape(shorten(p.abstractText()))
            + "</div></div>";
    return new Block(textHead, h.toString(), htmlTail);
  }

  private static String authors(Paper p) {
    List<String> a = p.authors();
    if (a.isEmpty()) return "";
    return a.size() <= 3 ? String.join(", ", a) : String.join(", ", a.subList(0, 3)) + " et al.";
  }

  private static String shorten(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() <= ABSTRACT_CHARS
        ? one
        : one.substring(0, ABSTRACT_CHARS - 1).stripTrailing() + "…";
  }
}
