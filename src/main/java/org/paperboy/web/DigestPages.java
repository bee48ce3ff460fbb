package org.paperboy.web;

import io.javalin.http.Context;
import java.util.List;
import org.paperboy.BadInputException;
import org.paperboy.digest.DigestService;
import org.paperboy.digest.Subscription;
import org.paperboy.digest.SubscriptionForm;

/**
 * The digest's pages: subscribe (double opt-in), confirm, manage through the signed link in every
 * digest, and unsubscribe. Links from mail ask for a click before they act, because mail scanners
 * open links by themselves; the one exception is RFC 8058's one-click POST, which carries no CSRF
 * token and no session (its signed token is the authority).
 */
final class DigestPages {
  private final DigestService digests;

  DigestPages(DigestService digests) {
    this.digests = digests;
  }

  void form(Context ctx) {
    Visitor v = Visitor.of(ctx);
    Html h =
        new Html()
            .raw("<h1>The daily digest</h1>")
            .raw(
                "<p>One email a day at your time: the new papers that match your alerts, picks like the papers you upvote, save or open from a digest,")
            .raw(
                " and what is trending. We mail you a link to confirm first; nothing is sent before that.</p>")
            .raw("<form class=\"login\" method=\"post\" action=\"/subscribe\">")
            .hidden(Security.CSRF_FIELD, v.csrf());
    DigestForm.fields(
        h,
        v.signedIn() ? v.account().email() : "",
        List.of(),
        true,
        "07:00",
        "UTC",
        SubscriptionForm.DEFAULT_MAX_PAPERS,
        true);
    h.raw("<button type=\"submit\">Subscribe</button></form>");
    ctx.html(Layout.page(ctx, "Daily digest", h));
  }

  void subscribe(Context ctx) {
    if (!digests.request(DigestForm.read(ctx), ctx.ip())) {
      throw new TooManyRequestsException(
          "too many subscriptions were asked for; wait an hour and try again");
    }
    // The same page for every address: no one learns who is subscribed.
    Html h =
        new Html()
            .raw("<h1>Check your mail</h1>")
            .raw(
                "<p class=\"sent\">If the address is right, a confirmation link is on its way to it.</p>");
    ctx.html(Layout.page(ctx, "Check your mail", h));
  }

  void confirmPage(Context ctx) {
    buttonPage(
        ctx,
        "Confirm",
        "<h1>Confirm your subscription</h1>",
        "/subscribe/confirm",
        "confirm",
        "Yes, send me the daily digest");
  }

  void confirm(Context ctx) {
    Subscription s = digests.confirm(token(ctx.formParam("token")));
    Html h =
        new Html()
            .raw("<h1>You are subscribed</h1><p class=\"done\">The digest goes to ")
            .text(s.email())
            .raw(" every day at ")
            .text(s.sendTime())
            .raw(" (")
            .text(s.zone().getId())
            .raw(") when there is something new.</p>")
            .raw("<p><a href=\"/subscription?token=")
            .text(Html.url(digests.manageToken(s.id())))
            .raw("\">Change alerts, time or zone</a></p>");
    ctx.html(Layout.page(ctx, "Subscribed", h));
  }

  void manage(Context ctx) {
    String token = linkToken(ctx);
    Subscription s = digests.manage(token);
    Visitor v = Visitor.of(ctx);
    Html h =
        new Html()
            .raw("<h1>Your digest</h1><p class=\"meta\">Status: ")
            .text(s.status().name().toLowerCase())
            .raw("</p>")
            .raw("<form class=\"login\" method=\"post\" action=\"/subscription\">")
            .hidden(Security.CSRF_FIELD, v.csrf())
            .hidden("token", token);
    DigestForm.fields(
        h,
        s.email(),
        s.alerts(),
        s.trending(),
        s.sendTime().toString(),
        s.zone().getId(),
        s.maxPapers(),
        false);
    h.raw("<button type=\"submit\" name=\"action\" value=\"save\">Save</button>")
        .raw("<button type=\"submit\" name=\"action\" value=\"")
        .raw(s.status() == Subscription.Status.PAUSED ? "resume\">Resume" : "pause\">Pause")
        .raw(
            "</button><button type=\"submit\" name=\"action\" value=\"delete\">Unsubscribe and delete everything</button></form>");
    ctx.html(Layout.page(ctx, "Your digest", h));
  }

  void change(Context ctx) {
    String token = token(ctx.formParam("token"));
    String action = ctx.formParam("action");
    Html h = new Html();
    switch (action == null ? "save" : action) {
      case "save" -> {
        digests.update(token, DigestForm.read(ctx));
        h.raw("<h1>Saved</h1>");
      }
      case "pause" -> {
        digests.pause(token, true);
        h.raw("<h1>Paused</h1><p>No digest until you resume it.</p>");
      }
      case "resume" -> {
        digests.pause(token, false);
        h.raw("<h1>Resumed</h1>");
      }
      case "delete" -> {
        digests.deleteByManageLink(token);
        unsubscribed(ctx, "Everything we kept for this address is deleted.");
        return;
      }
      default ->
          throw new BadInputException("unknown action '" + Html.abbreviate(action, 20) + "'");
    }
    h.raw("<p><a href=\"/subscription?token=")
        .text(Html.url(token))
        .raw("\">Back to your digest settings</a></p>");
    ctx.html(Layout.page(ctx, "Your digest", h));
  }

  /**
   * The page a click on the unsubscribe link shows: one button, so a scanner does not unsubscribe
   * anyone.
   */
  void unsubscribePage(Context ctx) {
    buttonPage(
        ctx,
        "Unsubscribe",
        "<h1>Unsubscribe</h1><p>Stop the daily digest and delete everything kept for this address?</p>",
        "/unsubscribe",
        "unsubscribe",
        "Unsubscribe");
  }

  /** RFC 8058 one-click (token in the URL, no session, no CSRF token) and the button above. */
  void unsubscribe(Context ctx) {
    String token =
        ctx.queryParam("token") != null ? ctx.queryParam("token") : ctx.formParam("token");
    digests.unsubscribe(token(token)); // a second click finds nothing: still a success
    ctx.header("Cache-Control", "no-store");
    unsubscribed(ctx, "No more digests; everything kept for this address is deleted.");
  }

  /**
   * A paper link from a digest: the signed click is recorded (it teaches the reader's picks) and
   * the browser goes on to the paper. Only a link this paperboy signed gets past, to a path on this
   * site.
   */
  void click(Context ctx) {
    String paper = digests.click(ctx.queryParam("s"), ctx.queryParam("p"), ctx.queryParam("k"));
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(
        AccountPages.next(PaperCards.paperPath(paper)), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /**
   * The token of a page a mailed link opens. The token in the URL is the reader's key, so the page
   * is never cached.
   */
  private static String linkToken(Context ctx) {
    String token = token(ctx.queryParam("token"));
    ctx.header("Cache-Control", "no-store");
    return token;
  }

  /**
   * A page a mailed link opens that acts only on a click of its one button, posting the link's
   * token to {@code action}: mail scanners open links, but do not press buttons.
   */
  private static void buttonPage(
      Context ctx, String title, String intro, String action, String buttonId, String label) {
    String token = linkToken(ctx);
    Html h =
        new Html()
            .raw(intro)
            .raw("<form method=\"post\" action=\"")
            .raw(action)
            .raw("\">")
            .hidden(Security.CSRF_FIELD, Visitor.of(ctx).csrf())
            .hidden("token", token)
            .raw("<button type=\"submit\" id=\"")
            .raw(buttonId)
            .raw("\">")
            .raw(label)
            .raw("</button></form>");
    ctx.html(Layout.page(ctx, title, h));
  }

  private static void unsubscribed(Context ctx, String message) {
    Html h = new Html().raw("<h1>Unsubscribed</h1><p class=\"done\">").raw(message).raw("</p>");
    ctx.html(Layout.page(ctx, "Unsubscribed", h));
  }

  private static String token(String t) {
    if (t == null || t.isBlank())
      throw new BadInputException("the link has no token; open it from the email again");
    return t.strip();
  }
}
