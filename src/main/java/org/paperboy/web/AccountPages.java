package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Supplier;
import org.paperboy.BadInputException;
import org.paperboy.account.AccountService;
import org.paperboy.account.AccountService.LinkRequest;

/**
 * Sign in by magic link and sign out. The link page asks for a click before it signs in, because
 * mail scanners open links on their own and would spend it.
 */
final class AccountPages {
  private final AccountService accounts;
  private final Security security;
  private final OutboxPage outbox;
  private final Supplier<String> baseUrl;

  AccountPages(
      AccountService accounts, Security security, OutboxPage outbox, Supplier<String> baseUrl) {
    this.accounts = accounts;
    this.security = security;
    this.outbox = outbox;
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
    LinkRequest r = accounts.requestLink(ctx.formParam("email"), ctx.ip(), prefix);
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
    if (outbox.visible(ctx)) {
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
    AccountService.SignIn s = accounts.signIn(ctx.formParam("token"));
    security.startSession(ctx, s.sessionToken());
    ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  void signOut(Context ctx) {
    accounts.signOut(security.session(ctx));
    security.endSession(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  /**
   * Where to go after signing in, voting or saving: a path on this site, never another site. It is
   * parsed as a URI reference and kept only when it has no scheme and no host and its path starts
   * with one slash; whitespace, control characters and backslashes are refused outright, because
   * browsers drop tabs and newlines from a Location and read a backslash as a slash ({@code
   * /\t/evil.example} would be {@code //evil.example}, another site). Non-ASCII is percent-encoded.
   */
  static String next(String next) {
    if (next == null || next.isEmpty() || next.length() > 500) return "/";
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c <= 0x20 || c == 0x7f || c == '\\' || Character.isSpaceChar(c)) return "/";
    }
    URI u;
    try {
      u = new URI(next);
    } catch (URISyntaxException e) {
      return "/";
    }
    String path = u.getRawPath();
    if (u.getScheme() != null
        || u.getRawAuthority() != null
        || path == null
        || !path.startsWith("/")
        || path.startsWith("//")) {
      return "/";
    }
    return u.toASCIIString();
  }
}
