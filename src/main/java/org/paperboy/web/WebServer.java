package org.paperboy.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import org.paperboy.PaperboyException;
import org.paperboy.account.AccountService;
import org.paperboy.account.SavedPapers;
import org.paperboy.digest.DigestService;
import org.paperboy.mail.Mailer;
import org.paperboy.mail.OutboxMailer;
import org.paperboy.rank.TrendingService;
import org.paperboy.rank.Votes;
import org.paperboy.search.SearchService;
import org.paperboy.store.PaperCalendar;
import org.paperboy.store.PaperRepository;

/**
 * The HTTP face of paperboy: server-rendered pages, the JSON API, Atom feeds, {@code /health} and
 * {@code /metrics}, over the services it is given. Pages need no JavaScript.
 *
 * <p>Links in mail are built from {@link WebSettings#baseUrl()} (default {@code
 * http://localhost:PORT}), never from the request's Host header, which a client chooses.
 */
public final class WebServer implements AutoCloseable {
  /** The services the pages read and write; each page is given the few it uses. */
  public record Services(
      PaperRepository papers,
      SearchService search,
      PaperCalendar calendar,
      Votes votes,
      SavedPapers saved,
      TrendingService trending,
      AccountService accounts,
      DigestService digests,
      Mailer mailer) {
    public Services {
      Objects.requireNonNull(papers, "papers");
      Objects.requireNonNull(search, "search");
      Objects.requireNonNull(calendar, "calendar");
      Objects.requireNonNull(votes, "votes");
      Objects.requireNonNull(saved, "saved");
      Objects.requireNonNull(trending, "trending");
      Objects.requireNonNull(accounts, "accounts");
      Objects.requireNonNull(digests, "digests");
      Objects.requireNonNull(mailer, "mailer");
    }
  }

  private final Javalin javalin;
  private final Metrics metrics = new Metrics();
  private final WebSettings settings;
  private final Changes changes;
  private volatile String baseUrl = "http://localhost:8080";

  /**
   * The server over {@code services}; it listens once {@link #start} is called. Whoever builds it
   * also tells it of every ingest batch through {@link #storeChanged()}.
   */
  public WebServer(Services services, WebSettings settings, Clock clock) {
    this.settings = settings;
    this.changes =
        new Changes(services.votes(), services.search()::version, settings.keepPages(), clock);
    this.javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.defaultContentType = "text/html; charset=utf-8";
              config.requestLogger.http(metrics::record);
              // Requests Jetty refuses itself get the same error shapes as the routes' errors.
              config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
              routes(config.routes, services, clock);
            });
  }

  /**
   * Tells the server an ingest batch was committed to the store: the pages it keeps are rebuilt on
   * their next request.
   */
  public void storeChanged() {
    changes.stored();
  }

  private void routes(RoutesConfig config, Services s, Clock clock) {
    Security security = new Security(s.accounts(), settings.secure(), this::baseUrl);
    Routes routes = new Routes(config, security);
    OutboxPage outbox =
        new OutboxPage(settings.outboxPage() && s.mailer() instanceof OutboxMailer o ? o : null);
    DailyPages daily = new DailyPages(s.calendar(), s.votes(), s.saved(), changes, clock);
    PaperPage paper = new PaperPage(s.papers(), s.search(), s.votes(), s.saved(), changes);
    TrendingPage trending = new TrendingPage(s.trending(), s.votes(), s.saved(), changes);
    SearchPage search = new SearchPage(s.search(), s.papers(), s.votes(), s.saved(), changes);
    AccountPages accounts = new AccountPages(s.accounts(), security, outbox, this::baseUrl);
    VoteAction votes = new VoteAction(s.papers(), s.votes(), clock);
    AtomFeeds feeds = new AtomFeeds(s.papers(), s.search(), s.trending(), this::baseUrl, clock);
    AlertFeed alerts = new AlertFeed(s.accounts(), s.digests(), s.search(), s.papers(), feeds);
    Api api = new Api(s.search(), s.calendar(), s.votes(), s.trending(), daily, paper, changes);
    DigestPages digest = new DigestPages(s.digests());
    SavedPage saved = new SavedPage(s.saved(), s.papers(), s.votes(), clock);
    String openApi = resource("/web/openapi.json");

    config.before(security::before);
    config.before(alerts::before);
    Errors.install(config);
    routes.get("/", daily::day);
    routes.get("/papers", daily::day);
    // One route for everything under /papers/, because old arXiv ids hold a slash (hep-th/9901001).
    routes.get("/papers/<rest>", ctx -> papers(ctx, daily, paper));
    routes.get("/trending", trending::show);
    routes.get("/search", search::show);
    routes.get("/login", accounts::loginForm);
    routes.post("/login", accounts::requestLink);
    routes.get("/login/verify", accounts::confirm);
    routes.post("/login/verify", accounts::signIn);
    routes.post("/logout", accounts::signOut);
    routes.post("/vote", votes::vote);
    routes.post("/save", saved::save);
    routes.get("/saved", saved::show);
    routes.get("/outbox", outbox::list);
    routes.get("/outbox/{name}", outbox::message);
    routes.get("/subscribe", digest::form);
    routes.post("/subscribe", digest::subscribe);
    routes.get("/subscribe/confirm", digest::confirmPage);
    routes.post("/subscribe/confirm", digest::confirm);
    routes.get("/subscription", digest::manage);
    routes.post("/subscription", digest::change);
    routes.get("/unsubscribe", digest::unsubscribePage);
    routes.post("/unsubscribe", digest::unsubscribe);
    routes.get("/d/c", digest::click);
    routes.get("/feed.atom", feeds::search);
    routes.get("/trending.atom", feeds::trending);
    routes.get("/feeds/alerts/{file}", alerts::show);
    routes.get("/api/papers/<rest>", ctx -> api.papers(ctx, ctx.pathParam("rest")));
    routes.get("/api/daily", api::daily);
    routes.get("/api/trending", api::trending);
    routes.get("/api/search", api::search);
    routes.get(
        "/api/openapi.json",
        ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
    routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
    routes.get("/metrics", metrics::scrape);
    routes.get("/static/{name}", StaticAssets::serve);
    routes.get("/robots.txt", WebServer::robots);
    routes.finish();
  }

  /** Crawlers may read the papers; sign-in, mailed links and per-reader pages are not for them. */
  private static void robots(Context ctx) {
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType("text/plain; charset=utf-8").result(ROBOTS);
  }

  private static final String ROBOTS =
      """
      User-agent: *
      Disallow: /login
      Disallow: /saved
      Disallow: /subscribe/confirm
      Disallow: /subscription
      Disallow: /unsubscribe
      Disallow: /d/
      Disallow: /outbox
      Allow: /
      """;

  private static void papers(Context ctx, DailyPages daily, PaperPage paper) {
    String rest = ctx.pathParam("rest");
    if (rest.startsWith("week/")) daily.week(ctx, rest.substring(5));
    else if (rest.startsWith("month/")) daily.month(ctx, rest.substring(6));
    else paper.show(ctx, rest);
  }

  /** Starts on {@code port} (0 picks a free one) and returns the port in use. */
  public int start(String host, int port) {
    javalin.start(host, port);
    baseUrl =
        settings.baseUrl() != null ? settings.baseUrl() : "http://localhost:" + javalin.port();
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
