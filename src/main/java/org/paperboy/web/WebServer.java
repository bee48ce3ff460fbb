package org.paperboy.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.paperboy.PaperboyException;
import org.paperboy.app.Paperboy;

/**
 * The HTTP face of paperboy: server-rendered pages, the JSON API, Atom feeds, {@code /health} and
 * {@code /metrics}, all over the services of {@link Paperboy}. Pages need no JavaScript.
 *
 * <p>Links in mail are built from {@code PAPERBOY_BASE_URL} (default {@code
 * http://localhost:PORT}), never from the request's Host header, which a client chooses.
 */
public final class WebServer implements AutoCloseable {
  private final Paperboy app;
  private final Javalin javalin;
  private final Metrics metrics = new Metrics();
  private final String configuredBase;
  private volatile String baseUrl = "http://localhost:8080";

  public WebServer(Paperboy app) {
    this.app = app;
    this.configuredBase = app.config().web().baseUrl();
    this.javalin =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.defaultContentType = "text/html; charset=utf-8";
              config.staticFiles.add(
                  s -> {
                    s.hostedPath = "/static";
                    s.directory = "/web/static";
                    s.location = Location.CLASSPATH;
                    s.headers = java.util.Map.of("Cache-Control", "public, max-age=3600");
                    s.mimeTypes.add("text/css; charset=utf-8", "css");
                    s.mimeTypes.add("image/svg+xml", "svg");
                  });
              config.requestLogger.http(metrics::record);
            });
    routes();
  }

  private void routes() {
    Security security =
        new Security(app.accounts(), configuredBase != null && configuredBase.startsWith("https:"));
    // web.page_cache=off computes every page afresh: to measure what keeping them saves.
    Changes changes = new Changes(app, app.config().web().pageCache());
    DailyPages daily = new DailyPages(app, changes);
    PaperPage paper = new PaperPage(app, changes);
    TrendingPage trending = new TrendingPage(app, changes);
    SearchPage search = new SearchPage(app, changes);
    AccountPages accounts = new AccountPages(app, security, this::baseUrl);
    AtomFeeds feeds = new AtomFeeds(app, this::baseUrl);
    Api api = new Api(app, daily, paper, changes);
    DigestPages digest = new DigestPages(app);
    SavedPage saved = new SavedPage(app);
    String openApi = resource("/web/openapi.json");

    javalin.before(security::before);
    Errors.install(javalin);
    javalin.get("/", daily::day);
    javalin.get("/papers", daily::day);
    // One route for everything under /papers/, because old arXiv ids hold a slash (hep-th/9901001).
    javalin.get("/papers/<rest>", ctx -> papers(ctx, daily, paper));
    javalin.get("/trending", trending::show);
    javalin.get("/search", search::show);
    javalin.get("/login", accounts::loginForm);
    javalin.post("/login", accounts::requestLink);
    javalin.get("/login/verify", accounts::confirm);
    javalin.post("/login/verify", accounts::signIn);
    javalin.post("/logout", accounts::signOut);
    javalin.post("/vote", accounts::vote);
    javalin.post("/save", saved::save);
    javalin.get("/saved", saved::show);
    javalin.get("/outbox", accounts::outbox);
    javalin.get("/outbox/{name}", accounts::message);
    javalin.get("/subscribe", digest::form);
    javalin.post("/subscribe", digest::subscribe);
    javalin.get("/subscribe/confirm", digest::confirmPage);
    javalin.post("/subscribe/confirm", digest::confirm);
    javalin.get("/subscription", digest::manage);
    javalin.post("/subscription", digest::change);
    javalin.get("/unsubscribe", digest::unsubscribePage);
    javalin.post("/unsubscribe", digest::unsubscribe);
    javalin.get("/d/c", digest::click);
    javalin.get("/feed.atom", feeds::search);
    javalin.get("/trending.atom", feeds::trending);
    javalin.get("/api/papers/<rest>", ctx -> api.papers(ctx, ctx.pathParam("rest")));
    javalin.get("/api/daily", api::daily);
    javalin.get("/api/trending", api::trending);
    javalin.get("/api/search", api::search);
    javalin.get(
        "/api/openapi.json",
        ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
    javalin.get(
        "/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
    javalin.get("/metrics", metrics::scrape);
  }

  private static void papers(Context ctx, DailyPages daily, PaperPage paper) {
    String rest = ctx.pathParam("rest");
    if (rest.startsWith("week/")) daily.week(ctx, rest.substring(5));
    else if (rest.startsWith("month/")) daily.month(ctx, rest.substring(6));
    else paper.show(ctx, rest);
  }

  /** Starts on {@code port} (0 picks a free one) and returns the port in use. */
  public int start(String host, int port) {
    javalin.start(host, port);
    baseUrl = configuredBase != null ? configuredBase : "http://localhost:" + javalin.port();
    return javalin.port();
  }

  String baseUrl() {
    return baseUrl;
  }

  private static String resource(String name) {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) throw new PaperboyException("the jar lacks " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PaperboyException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    javalin.stop();
    metrics.close();
  }
}
