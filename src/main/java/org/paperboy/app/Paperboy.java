package org.paperboy.app;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import org.paperboy.PaperboyException;
import org.paperboy.account.AccountService;
import org.paperboy.account.SavedPapers;
import org.paperboy.digest.DigestService;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.embed.CachingEmbedder;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingCache;
import org.paperboy.ingest.IngestService;
import org.paperboy.mail.DkimSigner;
import org.paperboy.mail.MailChecks;
import org.paperboy.mail.MailSettings;
import org.paperboy.mail.Mailer;
import org.paperboy.mail.OutboxMailer;
import org.paperboy.mail.SmtpMailer;
import org.paperboy.rank.TrendingService;
import org.paperboy.rank.Votes;
import org.paperboy.search.SearchService;
import org.paperboy.search.VectorBackfill;
import org.paperboy.store.Database;
import org.paperboy.store.PaperCalendar;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.StateRepository;
import org.paperboy.web.WebServer;

/**
 * The one place that builds paperboy's object graph, with constructors, from a {@link Config} and a
 * {@link Clock}. It opens things in data-flow order, makes the worker threads they run on, runs
 * {@link #serve} and {@link #close()}s everything in reverse, also after a start that failed half
 * way. The CLI and the tests that run the whole app get their services from here; unit tests build
 * the parts they test with the same constructors.
 */
public final class Paperboy implements AutoCloseable {
  private final Config config;
  private final Clock clock;
  private final Closer closer = new Closer();
  private final AppThreads threads;
  private final Database database;
  private final PaperRepository papers;
  private final StateRepository state;
  private final IngestService ingest;
  private final SearchService search;
  private final PaperCalendar calendar;
  private final Votes votes;
  private final SavedPapers saved;
  private final TrendingService trending;
  private final Mailer mailer;
  private final AccountService accounts;
  private final DigestService digests;

  private Paperboy(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot create the data dir " + config.dataDir() + ": " + e.getMessage(), e);
    }
    try {
      // First opened, last closed: the services below stop using the threads before they end.
      threads = track(new AppThreads());
      database =
          track(
              Database.open(
                  config.store().url(), config.store().user(), config.store().password()));
      papers = new PaperRepository(database.jdbi());
      state = new StateRepository(database.jdbi());
      ingest = new IngestService(papers, clock, threads.ingestWriter);
      // Semantic search embeds every paper (vectors cached in the store, the model loaded on first
      // use); search.embeddings=off keeps search lexical, e.g. for fast test runs.
      Embedder embedder =
          !config.search().embeddings()
              ? null
              : track(
                  new CachingEmbedder(
                      BgeSmallEmbedder.lazy(), new EmbeddingCache(database.jdbi())));
      search =
          track(
              SearchService.open(
                  config.dataDir().resolve("index"),
                  papers,
                  database.jdbi(),
                  embedder,
                  threads.search()));
      // The index follows the store; a process that holds it catches up before ingest returns.
      ingest.addListener((stored, removed) -> search.catchUp());
      calendar = new PaperCalendar(database.jdbi(), clock);
      votes = new Votes(database.jdbi());
      saved = new SavedPapers(database.jdbi());
      trending = new TrendingService(database.jdbi(), papers, votes, config.trending(), clock);
      // The daily lists and trending keep answers for a minute; an ingest here drops them at once.
      ingest.addListener(
          (stored, removed) -> {
            calendar.invalidate();
            trending.invalidate();
          });
      mailer = mailer(config);
      accounts =
          new AccountService(
              database.jdbi(), state, config.secret(), mailer, config.loginLinks(), clock);
      digests =
          track(
              new DigestService(
                  database.jdbi(),
                  state,
                  config.secret(),
                  papers,
                  search,
                  trending,
                  embedder,
                  accounts,
                  votes,
                  saved,
                  mailer,
                  config.digest(),
                  clock,
                  config.dataDir(),
                  threads.digestScheduler,
                  threads.digestPlanning));
    } catch (RuntimeException | Error e) {
      closer.closeAfterFailedStart(e);
      throw e;
    }
  }

  /** SMTP when a server is configured, else .eml files in data/outbox/. */
  private Mailer mailer(Config config) {
    MailSettings mail = config.mail();
    if (mail.smtp() == null) {
      return new OutboxMailer(config.dataDir().resolve("outbox"), mail.from(), clock);
    }
    return track(
        new SmtpMailer(
            mail.smtp(),
            mail.from(),
            mail.smtpTimeout(),
            mail.smtpRate(),
            DkimSigner.from(mail, clock)));
  }

  /**
   * Opens the application for {@code config}, its time from {@code clock}; the caller closes it.
   */
  public static Paperboy open(Config config, Clock clock) {
    JvmSettings.apply();
    return new Paperboy(config, clock);
  }

  /** Opens the application on the system clock (UTC). */
  public static Paperboy open(Config config) {
    return open(config, Clock.systemUTC());
  }

  private <T extends AutoCloseable> T track(T resource) {
    return closer.track(resource);
  }

  /** Serves where the configuration says ({@code serve.host}, {@code serve.port}). */
  public Serving serve() {
    return serve(config.serve().host(), config.serve().port());
  }

  /**
   * Starts the web server on {@code host}:{@code port} (0 picks a free port), the background
   * embedder and the digest scheduler, and a shutdown hook that closes the app on Ctrl-C. Closing
   * the returned handle stops the server and the embedder; closing the app closes it too.
   */
  public synchronized Serving serve(String host, int port) {
    WebServer server = webServer();
    VectorBackfill backfill = new VectorBackfill(search, threads.embedder);
    // Ctrl-C: stop taking requests, then close the store, so nothing is left half written.
    Thread hook = new Thread(this::close, "paperboy-shutdown");
    Serving serving;
    try {
      int actual = server.start(host, port);
      backfill.start();
      serving = track(new Serving(server, backfill, hook, actual));
      if (config.web().baseUrl() == null) digests.useBaseUrl("http://localhost:" + actual);
      MailChecks.warn(
          config.mail(),
          config.web().baseUrl() != null ? config.web().baseUrl() : "http://localhost:" + actual);
      digests.startScheduler(); // stopped by close()
    } catch (RuntimeException e) {
      server.close();
      backfill.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(hook);
    return serving;
  }

  /**
   * A web server over this app's services, not yet listening; it hears of every ingest batch (after
   * the search index does), so the pages it keeps are rebuilt on the next request. {@link #serve}
   * starts one; tests of the pages start their own the same way.
   */
  public WebServer webServer() {
    WebServer server =
        new WebServer(
            new WebServer.Services(
                papers, search, calendar, votes, saved, trending, accounts, digests, mailer),
            config.web(),
            clock);
    ingest.addListener((stored, removed) -> server.storeChanged());
    return server;
  }

  public Config config() {
    return config;
  }

  /** Where the app's time comes from. */
  public Clock clock() {
    return clock;
  }

  public Database database() {
    return database;
  }

  public PaperRepository papers() {
    return papers;
  }

  public StateRepository state() {
    return state;
  }

  public IngestService ingest() {
    return ingest;
  }

  public SearchService search() {
    return search;
  }

  /** Papers by publication date (daily, week and month views). */
  public PaperCalendar calendar() {
    return calendar;
  }

  public Votes votes() {
    return votes;
  }

  /** Papers readers saved to read later (a signal for their digest picks, like upvotes). */
  public SavedPapers saved() {
    return saved;
  }

  public TrendingService trending() {
    return trending;
  }

  /** Where mail goes; without SMTP configured, {@code data/outbox/} as .eml files. */
  public Mailer mailer() {
    return mailer;
  }

  public AccountService accounts() {
    return accounts;
  }

  /** Subscriptions, planning and sending of the daily digest. */
  public DigestService digests() {
    return digests;
  }

  /**
   * Closes everything opened, in reverse (a running {@link Serving} first), each even when another
   * failed: the first failure is thrown with the others attached as suppressed. Idempotent.
   */
  @Override
  public void close() {
    closer.close();
  }
}
