package org.paperboy.app;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.paperboy.PaperboyException;
import org.paperboy.account.AccountService;
import org.paperboy.account.SavedPapers;
import org.paperboy.digest.DigestService;
import org.paperboy.digest.DigestSettings;
import org.paperboy.digest.DigestThreads;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.embed.CachingEmbedder;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingCache;
import org.paperboy.ingest.IngestService;
import org.paperboy.mail.DkimSigner;
import org.paperboy.mail.Mailer;
import org.paperboy.mail.OutboxMailer;
import org.paperboy.mail.SmtpMailer;
import org.paperboy.mail.SmtpUrl;
import org.paperboy.rank.TrendingFormula;
import org.paperboy.rank.TrendingService;
import org.paperboy.rank.Votes;
import org.paperboy.search.SearchService;
import org.paperboy.store.Database;
import org.paperboy.store.PaperCalendar;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.StateRepository;

/**
 * The one place that builds paperboy's object graph. It opens things in data-flow order and {@link
 * #close()} closes them in reverse, also after a start that failed half way. The CLI, the web
 * server and the tests all get their services from here.
 */
public final class Paperboy implements AutoCloseable {
  private final Config config;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
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

  private Paperboy(Config config) {
    this.config = config;
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot create the data dir " + config.dataDir() + ": " + e.getMessage(), e);
    }
    try {
      database = track(Database.open(config.dbUrl(), config.dbUser(), config.dbPassword()));
      papers = new PaperRepository(database.jdbi());
      state = new StateRepository(database.jdbi());
      ingest = new IngestService(papers, Clock.systemUTC());
      // Semantic search embeds every paper (vectors cached in the store, the model loaded on first
      // use); PAPERBOY_EMBEDDINGS=off keeps search lexical, e.g. for fast test runs.
      Embedder embedder =
          "off".equalsIgnoreCase(config.env().getOrDefault("PAPERBOY_EMBEDDINGS", "on"))
              ? null
              : track(
                  new CachingEmbedder(
                      BgeSmallEmbedder.lazy(), new EmbeddingCache(database.jdbi())));
      search =
          track(
              SearchService.open(
                  config.dataDir().resolve("index"), papers, database.jdbi(), embedder));
      ingest.addListener(search::stored);
      calendar = new PaperCalendar(database.jdbi(), Clock.systemUTC());
      votes = new Votes(database.jdbi());
      saved = new SavedPapers(database.jdbi());
      trending =
          new TrendingService(
              database.jdbi(),
              papers,
              votes,
              TrendingFormula.from(config.env()),
              Clock.systemUTC());
      // The daily lists and trending keep answers for a minute; an ingest here drops them at once.
      ingest.addListener(
          (stored, removed) -> {
            calendar.invalidate();
            trending.invalidate();
          });
      mailer = mailer(config);
      accounts =
          new AccountService(
              database.jdbi(),
              state,
              config.env().get("PAPERBOY_SECRET"),
              mailer,
              new AccountService.Limits(
                  config.envInt(
                      "PAPERBOY_LOGIN_LINKS_PER_CLIENT", AccountService.Limits.DEFAULT.perClient()),
                  config.envInt(
                      "PAPERBOY_LOGIN_LINKS_PER_ADDRESS",
                      AccountService.Limits.DEFAULT.perAddress())),
              Clock.systemUTC());
      DigestThreads digestThreads = track(new DigestThreads()); // closed after the service
      digests =
          track(
              new DigestService(
                  database.jdbi(),
                  state,
                  config.env().get("PAPERBOY_SECRET"),
                  papers,
                  search,
                  trending,
                  embedder,
                  accounts,
                  votes,
                  saved,
                  mailer,
                  DigestSettings.from(config.env()),
                  Clock.systemUTC(),
                  config.dataDir(),
                  digestThreads.scheduler(),
                  digestThreads.planning()));
    } catch (RuntimeException e) {
      closeAfterFailedStart(e);
      throw e;
    }
  }

  /** SMTP when PAPERBOY_SMTP_URL is set (see {@link SmtpUrl}), else .eml files in data/outbox/. */
  private Mailer mailer(Config config) {
    String from = config.env().getOrDefault("PAPERBOY_MAIL_FROM", "paperboy <paperboy@localhost>");
    String smtp = config.env().get("PAPERBOY_SMTP_URL");
    if (smtp == null || smtp.isBlank()) {
      return new OutboxMailer(config.dataDir().resolve("outbox"), from, Clock.systemUTC());
    }
    return track(
        new SmtpMailer(
            SmtpUrl.parse(smtp),
            from,
            java.time.Duration.ofSeconds(config.envInt("PAPERBOY_SMTP_TIMEOUT_SECONDS", 30)),
            config.envInt("PAPERBOY_SMTP_RATE", 0),
            DkimSigner.from(config.env(), from, Clock.systemUTC())));
  }

  private void closeAfterFailedStart(RuntimeException cause) {
    try {
      close();
    } catch (RuntimeException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  /** Opens the application for {@code config}; the caller closes it. */
  public static Paperboy open(Config config) {
    return new Paperboy(config);
  }

  private <T extends AutoCloseable> T track(T resource) {
    opened.push(resource);
    return resource;
  }

  public Config config() {
    return config;
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

  @Override
  public void close() {
    PaperboyException failure = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (failure == null)
          failure = new PaperboyException("closing paperboy failed: " + e.getMessage(), e);
      }
    }
    if (failure != null) throw failure;
  }
}
