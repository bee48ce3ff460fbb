package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.BadInputException;
import org.paperboy.NotFoundException;
import org.paperboy.account.AccountService;
import org.paperboy.account.AccountService.LinkRequest;
import org.paperboy.app.Paperboy;
import org.paperboy.mail.OutboxMailer;

/**
 * Sign in by magic link, sign out, upvote, and the local outbox page. The link page asks for a
 * click before it signs in, because mail scanners open links on their own and would spend it.
 */
final class AccountPages {
  private static final Pattern URL = Pattern.compile("https?://\\S+");

  private final Paperboy app;
  private final Security security;
  private final Supplier<String> baseUrl;

  AccountPages(Paperboy app, Security security, Supplier<String> baseUrl) {
    this.app = app;
    this.security = security;
    this.baseUrl = baseUrl;
  }

  void loginForm(Context ctx) {
    Visitor v = Visitor.of(ctx);
    Html h =
        new Html()
            .raw("<h1>Sign in</h1>")
            .raw("<p>No password: we mail you a link that signs you in. It works once, for ")
            .text(AccountService.LINK_LIFETIME.toMinutes())
            .raw(" minutes.</p>")
            .raw("<form class=\"login\" method=\"post\" action=\"/login\">")
            .hidden(Security.CSRF_FIELD, v.csrf())
            .hidden("next", next(ctx.queryParam("next")))
            .raw("<label for=\"email\">Email address</label>")
            .raw(
                "<input id=\"email\" type=\"email\" name=\"email\" required"
                    + " autocomplete=\"email\">")
            .raw("<button type=\"submit\">Email me a sign-in link</button></form>");
    ctx.html(Layout.page(ctx, "Sign in", h));
  }

  void requestLink(Context ctx) {
    String next = next(ctx.formParam("next"));
    String prefix = baseUrl.get() + "/login/verify?next=" + Html.url(next) + "&token=";
    LinkRequest r = app.accounts().requestLink(ctx.formParam("email"), ctx.ip(), prefix);
    if (r == LinkRequest.RATE_LIMITED) {
      throw new TooManyRequestsException(
          "too many sign-in links were asked for; wait a quarter of an hour and try again");
    }
    // The same answer for every address, known or not: no one learns who has an account.
    Html h =
        new Html()
            .raw("<h1>Check your mail</h1>")
            .raw(
                "<p class=\"sent\">If the address is right, a sign-in link is on its way to"
                    + " it.</p>");
    if (outboxVisible(ctx)) {
      h.raw(
          "<p>This paperboy has no mail server configured, so mail lands in its <a"
              + " href=\"/outbox\">local outbox</a>.</p>");
    }
    ctx.html(Layout.page(ctx, "Check your mail", h));
  }

  void confirm(Context ctx) {
    String token = ctx.queryParam("token");
    if (token == null || token.isBlank())
      throw new BadInputException("the sign-in link has no token");
    Html h =
        new Html()
            .raw("<h1>Sign in</h1><form method=\"post\" action=\"/login/verify\">")
            .hidden(Security.CSRF_FIELD, Visitor.of(ctx).csrf())
            .hidden("token", token)
            .hidden("next", next(ctx.queryParam("next")))
            .raw("<button type=\"submit\" id=\"confirm\">Sign in to paperboy</button></form>");
    ctx.header("Cache-Control", "no-store");
    ctx.html(Layout.page(ctx, "Sign in", h));
  }

  void signIn(Context ctx) {
    AccountService.SignIn s = app.accounts().signIn(ctx.formParam("token"));
    security.startSession(ctx, s.sessionToken());
    ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  void signOut(Context ctx) {
    app.accounts().signOut(ctx.cookie(Security.SESSION_COOKIE));
    security.endSession(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  void vote(Context ctx) {
    Visitor v = Visitor.of(ctx);
    if (!v.signedIn()) throw new ForbiddenException("sign in to upvote");
    String paper = PaperPage.formPaper(ctx);
    if (app.papers().find(paper).isEmpty())
      throw new NotFoundException("no paper with id '" + paper + "' in the store");
    String action = ctx.formParam("action");
    if ("remove".equals(action)) {
      app.votes().remove(v.account().id(), paper);
    } else if (action == null || "up".equals(action)) {
      app.votes().upvote(v.account().id(), paper, Instant.now());
    } else {
      throw new BadInputException(
          "action must be 'up' or 'remove', was '" + Html.abbreviate(action, 20) + "'");
    }
    ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  /**
   * The outbox, for a local user to click their link. Only when mail goes to files and only to a
   * browser on this machine: the links in it sign anyone in.
   */
  void outbox(Context ctx) {
    OutboxMailer outbox = localOutbox(ctx);
    Html h =
        new Html()
            .raw("<h1>Outbox</h1><p>Mail this paperboy would have sent, newest first (files in ")
            .text(outbox.dir().toAbsolutePath())
            .raw(").</p><ul class=\"outbox\">");
    for (OutboxMailer.Stored m : outbox.list(50)) {
      h.raw("<li><a href=\"/outbox/")
          .text(m.name())
          .raw("\">")
          .text(m.subject())
          .raw("</a> <span class=\"meta\">to ")
          .text(m.to())
          .raw(" · ")
          .text(m.date())
          .raw("</span></li>");
    }
    h.raw("</ul>");
    ctx.header("Cache-Control", "no-store");
    ctx.html(Layout.page(ctx, "Outbox", h));
  }

  void message(Context ctx) {
    OutboxMailer.Stored m =
        localOutbox(ctx)
            .find(ctx.pathParam("name"))
            .orElseThrow(() -> new NotFoundException("no such message in the outbox"));
    Html h =
        new Html()
            .raw("<h1>")
            .text(m.subject())
            .raw("</h1><p class=\"meta\">To ")
            .text(m.to())
            .raw(" · ")
            .text(m.date())
            .raw("</p><pre class=\"mail\">");
    Matcher u = URL.matcher(m.text());
    int at = 0;
    while (u.find()) { // the text escaped, its links clickable
      h.text(m.text().substring(at, u.start())).link(u.group(), u.group());
      at = u.end();
    }
    h.text(m.text().substring(at)).raw("</pre><p><a href=\"/outbox\">Back to the outbox</a></p>");
    ctx.header("Cache-Control", "no-store");
    ctx.html(Layout.page(ctx, m.subject(), h));
  }

  private OutboxMailer localOutbox(Context ctx) {
    if (!(app.mailer() instanceof OutboxMailer o) || !outboxPage()) {
      throw new NotFoundException("this paperboy sends real mail; there is no local outbox");
    }
    if (!local(ctx))
      throw new ForbiddenException("the outbox is only shown to a browser on this machine");
    return o;
  }

  private boolean outboxVisible(Context ctx) {
    return app.mailer() instanceof OutboxMailer && outboxPage() && local(ctx);
  }

  /** PAPERBOY_OUTBOX_PAGE=off hides the page, e.g. behind a reverse proxy where all is local. */
  private boolean outboxPage() {
    return app.config().web().outboxPage();
  }

  private static boolean local(Context ctx) {
    String ip = ctx.req().getRemoteAddr();
    return ip.equals("127.0.0.1") || ip.equals("0:0:0:0:0:0:0:1") || ip.equals("::1");
  }

  /** Where to go after signing in: a path on this site, never another site. */
  static String next(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.length() > 500) {
      return "/";
    }
    return next;
  }
}
