package org.paperboy.web;

import io.javalin.http.Context;

/**
 * The frame around every page: header with navigation, search box and sign-in state; a main region;
 * a footer. No script anywhere: every action is a link or a form.
 */
final class Layout {
  private Layout() {}

  static String page(Context ctx, String title, Html main) {
    return page(ctx, title, main, null);
  }

  /** {@code feed} is an Atom feed URL to announce for this page, or null. */
  static String page(Context ctx, String title, Html main, String feed) {
    return frame(ctx, title, main, feed).toString();
  }

  /**
   * Answers with the page as UTF-8 bytes: for pages built around a kept fragment, which is already
   * bytes (see {@link Html}); the same markup as {@link #page}.
   */
  static void send(Context ctx, String title, Html main, String feed) {
    ctx.contentType("text/html; charset=utf-8").result(frame(ctx, title, main, feed).toBytes());
  }

  private static Html frame(Context ctx, String title, Html main, String feed) {
    Visitor visitor = Visitor.of(ctx);
    String q = ctx.path().equals("/search") ? ctx.queryParam("q") : null;
    Html h = new Html();
    h.raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>")
        .text(title)
        .raw(" · paperboy</title>")
        // one per page, from its title: what a search engine shows under the link
        .raw("<meta name=\"description\" content=\"")
        .text(title)
        .raw(" on paperboy, a self-hosted feed of new research papers: daily lists, trending and")
        .raw(" search.\">")
        .raw("<link rel=\"stylesheet\" href=\"")
        .raw(StaticAssets.path("app.css"))
        .raw("\">")
        .raw("<link rel=\"icon\" href=\"")
        .raw(StaticAssets.path("favicon.svg"))
        .raw("\" type=\"image/svg+xml\">");
    if (feed != null) {
      h.raw("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
          .text(title)
          .raw("\" href=\"")
          .text(feed)
          .raw("\">");
    }
    h.raw("</head><body><a class=\"skip\" href=\"#main\">Skip to the content</a>")
        .raw("<header class=\"top\"><nav aria-label=\"Main\">")
        .raw("<a class=\"brand\" href=\"/\">paperboy</a>")
        .raw(
            "<a href=\"/\">Daily</a><a href=\"/trending\">Trending</a><a href=\"/subscribe\">Digest</a>")
        .raw("</nav><form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">")
        .raw(
            "<input type=\"search\" name=\"q\" aria-label=\"Search papers\" placeholder=\"Search"
                + " papers\" value=\"")
        .text(q)
        .raw("\"><button type=\"submit\">Search</button></form><div class=\"who\">");
    if (visitor.signedIn()) {
      h.raw("<a href=\"/saved\">Saved</a> <span class=\"email\">")
          .text(visitor.account().email())
          .raw("</span>")
          .raw("<form method=\"post\" action=\"/logout\">")
          .hidden(Security.CSRF_FIELD, visitor.csrf())
          .raw("<button type=\"submit\" class=\"linkish\">Sign out</button></form>");
    } else {
      h.raw("<a href=\"/login?next=").text(Html.url(here(ctx))).raw("\">Sign in</a>");
    }
    h.raw("</div></header><main id=\"main\">")
        .append(main)
        .raw("</main>")
        .raw(
            "<footer><a href=\"/api/openapi.json\">JSON API</a> · <a"
                + " href=\"/trending.atom\">Trending feed</a>");
    String alerts = ctx.attribute(AlertFeed.ATTRIBUTE);
    if (alerts != null) h.raw(" · <a href=\"").text(alerts).raw("\">Your alerts feed</a>");
    h.raw("</footer></body></html>\n");
    return h;
  }

  /** The current path and query, to come back to after signing in or voting. */
  static String here(Context ctx) {
    String q = ctx.queryString();
    return ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q);
  }
}
