package org.paperboy.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.paperboy.account.Account;
import org.paperboy.account.AccountService;

/**
 * Headers every response gets, the session and CSRF cookies, and the CSRF check on form posts. CSRF
 * uses a double-submit cookie: a random token in an HttpOnly cookie, repeated in each form; a page
 * on another site can neither read the cookie nor, with SameSite=Lax, send it on a POST.
 */
final class Security {
  static final String SESSION_COOKIE = "pb_session";
  static final String CSRF_COOKIE = "pb_csrf";
  static final String CSRF_FIELD = "csrf";
  // No scripts at all; styles and images only from this app; forms only post back here.
  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
          + " base-uri 'none'; frame-ancestors 'none'";

  private final AccountService accounts;
  private final boolean secureCookies;

  Security(AccountService accounts, boolean secureCookies) {
    this.accounts = accounts;
    this.secureCookies = secureCookies;
  }

  /** Runs before every request: headers, the visitor, and the CSRF check on POST. */
  void before(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    // Keeps sign-in tokens in URLs from leaking to arXiv or GitHub through the Referer header.
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
    // Pages carry the visitor's CSRF token and address: no shared cache may keep them.
    if (!ctx.path().startsWith("/static/")) ctx.header("Cache-Control", "private, no-cache");
    String csrf = ctx.cookie(CSRF_COOKIE);
    if (csrf == null || csrf.length() < 20 || csrf.length() > 100) {
      csrf = Tokens.random();
      setCookie(ctx, CSRF_COOKIE, csrf, null);
    }
    Account account = accounts.session(ctx.cookie(SESSION_COOKIE)).orElse(null);
    ctx.attribute(Visitor.ATTRIBUTE, new Visitor(account, csrf));
    // RFC 8058 one-click unsubscribe comes from a mail client: no cookie, no form token; the signed
    // token in its URL is what authorises it (see DigestPages).
    boolean oneClick = ctx.path().equals("/unsubscribe") && ctx.queryParam("token") != null;
    if (ctx.method().name().equals("POST") && !oneClick) {
      String sent = ctx.formParam(CSRF_FIELD);
      if (sent == null
          || !MessageDigest.isEqual(
              sent.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
        throw new ForbiddenException(
            "the form has expired or came from another site; reload the page and try again");
      }
    }
  }

  void startSession(Context ctx, String token) {
    setCookie(ctx, SESSION_COOKIE, token, AccountService.SESSION_LIFETIME);
  }

  void endSession(Context ctx) {
    setCookie(ctx, SESSION_COOKIE, "", Duration.ZERO);
  }

  private void setCookie(Context ctx, String name, String value, Duration maxAge) {
    StringBuilder c =
        new StringBuilder(name)
            .append('=')
            .append(value)
            .append("; Path=/; HttpOnly; SameSite=Lax");
    if (maxAge != null) c.append("; Max-Age=").append(maxAge.toSeconds());
    if (secureCookies || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")))
      c.append("; Secure");
    ctx.res().addHeader("Set-Cookie", c.toString());
  }
}
