package org.paperboy.web;

import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.function.Supplier;
import org.paperboy.account.Account;
import org.paperboy.account.AccountService;

/**
 * Headers every response gets, the session and CSRF cookies, and the checks on every form post.
 *
 * <p>A form's CSRF token is an HMAC of the visitor's session token (or, before sign-in, of a random
 * id in an HttpOnly cookie), so a token fits one session only and a cookie planted from another
 * port or subdomain of the same host is of no use without the server's key; signing in or out
 * changes it. On top of the token, a post must come from this origin when the browser says where it
 * comes from ({@code Origin}, {@code Sec-Fetch-Site}). Over https the cookies carry the {@code
 * __Host-} prefix, which no other host or plain-http page can set.
 */
final class Security {
  static final String SESSION_COOKIE = "pb_session";
  static final String CSRF_COOKIE = "pb_csrf";
  static final String CSRF_FIELD = "csrf";
  // No scripts at all; styles and images only from this app; forms only post back here.
  // connect-src 'self' opens nothing to a page that runs no script, but lets audit tools that fetch
  // from the page's context (Lighthouse reads /robots.txt so) reach this origin.
  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
          + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  static final String EXPIRED =
      "the form has expired or came from another site; reload the page and try again";

  private final AccountService accounts;
  private final boolean secureCookies;
  private final Supplier<String> baseUrl;

  Security(AccountService accounts, boolean secureCookies, Supplier<String> baseUrl) {
    this.accounts = accounts;
    this.secureCookies = secureCookies;
    this.baseUrl = baseUrl;
  }

  /** Runs before every request: headers and the visitor (whose token is made only if used). */
  void before(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    // Keeps sign-in tokens in URLs from leaking to arXiv or GitHub through the Referer header.
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
    // Pages carry the visitor's CSRF token and address: no shared cache may keep them.
    if (!ctx.path().startsWith("/static/")) ctx.header("Cache-Control", "private, no-cache");
    String session = cookie(ctx, SESSION_COOKIE);
    Account account = accounts.session(session).orElse(null);
    Supplier<String> token =
        account != null
            ? () -> accounts.formToken("session", session)
            : () -> accounts.formToken("visitor", visitorId(ctx));
    ctx.attribute(Visitor.ATTRIBUTE, new Visitor(account, token));
  }

  /**
   * The check of every form post: from this origin (when the browser says) and with the token of
   * this visitor's forms. RFC 8058 one-click unsubscribe comes from a mail client's server: no
   * cookie, no form token, no origin; the signed token in its URL is what authorises it (see
   * DigestPages).
   */
  void checkPost(Context ctx) {
    if (ctx.path().equals("/unsubscribe") && ctx.queryParam("token") != null) return;
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none"))
      throw new ForbiddenException(EXPIRED);
    String origin = ctx.header("Origin");
    if (origin != null && !sameOrigin(ctx, origin)) throw new ForbiddenException(EXPIRED);
    String sent = ctx.formParam(CSRF_FIELD);
    String expected = Visitor.of(ctx).csrf();
    if (sent == null
        || expected.isEmpty()
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw new ForbiddenException(EXPIRED);
    }
  }

  /**
   * Whether a browser's {@code Origin} is this site: the configured base URL's origin, or the
   * scheme and host the request was sent to (a page cannot choose the Host header its browser
   * sends). "null" (a sandboxed or privacy-stripped origin) is not.
   */
  private boolean sameOrigin(Context ctx, String origin) {
    URI o = parse(origin);
    if (o == null || o.getRawAuthority() == null) return false;
    URI base = parse(baseUrl.get());
    if (base != null
        && o.getScheme().equalsIgnoreCase(base.getScheme())
        && o.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())) return true;
    boolean https = o.getScheme().equalsIgnoreCase("https");
    if (!https && !o.getScheme().equalsIgnoreCase("http")) return false;
    if (secure(ctx) && !https) return false;
    return o.getRawAuthority().equalsIgnoreCase(ctx.header("Host"));
  }

  private static URI parse(String s) {
    try {
      URI u = s == null ? null : new URI(s);
      return u != null && u.getScheme() != null ? u : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** The session cookie's token, or null. */
  String session(Context ctx) {
    return cookie(ctx, SESSION_COOKIE);
  }

  /** Signing in: a new session, and a new anonymous id, so no token from before still works. */
  void startSession(Context ctx, String token) {
    setCookie(ctx, SESSION_COOKIE, token, AccountService.SESSION_LIFETIME);
    setCookie(ctx, CSRF_COOKIE, Tokens.random(), null);
  }

  void endSession(Context ctx) {
    setCookie(ctx, SESSION_COOKIE, "", Duration.ZERO);
    setCookie(ctx, CSRF_COOKIE, "", Duration.ZERO);
  }

  /** The anonymous visitor's random id; a new one (and its cookie) when there is none. */
  private String visitorId(Context ctx) {
    String id = cookie(ctx, CSRF_COOKIE);
    if (id == null || !Tokens.wellFormed(id)) {
      id = Tokens.random();
      setCookie(ctx, CSRF_COOKIE, id, null);
    }
    return id;
  }

  private String cookie(Context ctx, String name) {
    return ctx.cookie(name(ctx, name));
  }

  /** {@code __Host-} over https: only this host, over https, with Path=/, can set such a cookie. */
  private String name(Context ctx, String name) {
    return secure(ctx) ? "__Host-" + name : name;
  }

  private boolean secure(Context ctx) {
    return secureCookies || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  private void setCookie(Context ctx, String name, String value, Duration maxAge) {
    StringBuilder c =
        new StringBuilder(name(ctx, name))
            .append('=')
            .append(value)
            .append("; Path=/; HttpOnly; SameSite=Lax");
    if (maxAge != null) c.append("; Max-Age=").append(maxAge.toSeconds());
    if (secure(ctx)) c.append("; Secure");
    ctx.res().addHeader("Set-Cookie", c.toString());
  }
}
