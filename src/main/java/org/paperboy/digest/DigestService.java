package org.paperboy.digest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.account.AccountService;
import org.paperboy.account.Hmac;
import org.paperboy.account.SavedPapers;
import org.paperboy.embed.Embedder;
import org.paperboy.mail.Mailer;
import org.paperboy.rank.TrendingService;
import org.paperboy.rank.Votes;
import org.paperboy.search.SearchService;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.StateRepository;

/**
 * The digest feature's one entry point: subscriptions ({@link SubscriptionDesk}), signed links, and
 * {@link #run}, which plans the digests that are due and queues them ({@link DueDigests}), then
 * sends what the outbox holds ({@link DigestSender}). {@link #startScheduler()} runs it every
 * minute for {@code serve}.
 */
public final class DigestService implements AutoCloseable {
  private static final String SECRET_KEY = "digest.hmac-secret";

  private final DigestSettings settings;
  private final byte[] key;
  private final Clock clock;
  private final DigestOutbox outbox;
  private final DigestClicks clicks;
  private final SubscriptionDesk desk;
  private final DueDigests due;
  private final DigestSender sender;
  private final DigestSchedule schedule;
  private final ReentrantLock running = new ReentrantLock();
  private volatile DigestLinks links;

  /**
   * @param embedder the papers' sentence vectors for picks and the hybrid order of alerts; null
   *     (PAPERBOY_EMBEDDINGS=off): hashed words and BM25 only
   * @param accounts the accounts whose votes ({@code votes}) and saves ({@code saved}) are likes of
   *     the subscriber with the same address
   * @param dataDir where the sender's journal of accepted messages lives (see {@link SentJournal})
   * @param scheduler runs {@link #startScheduler()}'s schedule (one thread is enough)
   * @param planning runs the blocks of readers scored on vectors
   */
  public DigestService(
      Jdbi jdbi,
      StateRepository state,
      String secret,
      PaperRepository papers,
      SearchService search,
      TrendingService trending,
      Embedder embedder,
      AccountService accounts,
      Votes votes,
      SavedPapers saved,
      Mailer mailer,
      DigestSettings settings,
      Clock clock,
      Path dataDir,
      ScheduledExecutorService scheduler,
      Executor planning) {
    this.settings = settings;
    this.clock = clock;
    this.schedule = new DigestSchedule(scheduler, () -> run(null, false));
    // Not the same key as sign-in links even when both come from one PAPERBOY_SECRET.
    this.key = Hmac.key(state, SECRET_KEY, secret, "digest:");
    this.links = new DigestLinks(key, settings.baseUrl());
    Subscriptions subscriptions = new Subscriptions(jdbi);
    this.outbox = new DigestOutbox(jdbi);
    this.clicks = new DigestClicks(jdbi);
    this.desk = new SubscriptionDesk(subscriptions, mailer, clock, () -> links);
    DigestPlanner planner =
        new DigestPlanner(
            jdbi,
            papers,
            search,
            trending,
            new StoredVectors(embedder),
            new LikedPapers(accounts, votes, saved, clicks),
            planning);
    this.due = new DueDigests(subscriptions, outbox, planner);
    this.sender =
        new DigestSender(
            new OutboxClaims(jdbi), mailer, settings, clock, dataDir.resolve("digest-journal"));
  }

  /**
   * Links in mail point here; {@code serve} sets it once it knows its port (without
   * PAPERBOY_BASE_URL).
   */
  public void useBaseUrl(String baseUrl) {
    links = new DigestLinks(key, settings.withBaseUrl(baseUrl).baseUrl());
  }

  /**
   * A paper link followed from a digest ({@code /d/c}): checks the signature, records the click for
   * the reader's picks and returns the paper id to go on to. A forged or damaged link is bad input,
   * so the redirect only ever goes to a paper page named by a link this service signed.
   */
  public String click(String subscription, String paperId, String signature) {
    long s = links.verifyClick(subscription, paperId, signature);
    clicks.record(s, paperId, clock.instant());
    return paperId;
  }

  /**
   * Admin: subscribes or updates {@code form.email()}; unconfirmed ones get a confirmation mail.
   */
  public Subscription subscribe(SubscriptionForm form, boolean confirmed) {
    return desk.subscribe(form, confirmed);
  }

  /**
   * The web form. The answer is the same whatever the address (no one learns who subscribes). A new
   * or pending address gets the settings and a confirmation link; a confirmed one keeps its
   * settings (whoever typed the address may not own it) and gets a link to its manage page. False
   * when the address or {@code client} (its IP address) asked too often: nothing was mailed.
   */
  public boolean request(SubscriptionForm form, String client) {
    return desk.request(form, client);
  }

  /** Spends a confirmation link: the subscription is active from now on. */
  public Subscription confirm(String token) {
    return desk.confirm(token);
  }

  /** The subscription a manage link names. */
  public Subscription manage(String token) {
    return desk.manage(token);
  }

  /** Saves new settings through a manage link (the address itself cannot change). */
  public Subscription update(String token, SubscriptionForm form) {
    return desk.update(token, form);
  }

  public Subscription pause(String token, boolean paused) {
    return desk.pause(token, paused);
  }

  /**
   * Deletes everything kept about the subscriber; true when there was anything (a link clicked
   * twice is fine).
   */
  public boolean unsubscribe(String token) {
    return desk.unsubscribe(token);
  }

  /** Deletes through a manage link. */
  public boolean deleteByManageLink(String token) {
    return desk.deleteByManageLink(token);
  }

  public boolean remove(String email) {
    return desk.remove(email);
  }

  public List<Subscription> subscriptions() {
    return desk.all();
  }

  public Optional<Subscription> find(String email) {
    return desk.find(email);
  }

  /** A manage link for {@code id}, e.g. for the page shown after confirming. */
  public String manageToken(long id) {
    return desk.manageToken(id);
  }

  /**
   * Plans and queues the digests that are due, then sends everything the outbox has due. A reader
   * is due when their local time has reached their send time and they have no digest for that local
   * date; with {@code date}, every active reader without a digest for {@code date} is due. A dry
   * run plans and renders but writes and sends nothing. One run at a time.
   */
  public RunReport run(LocalDate date, boolean dryRun) {
    return run(date, dryRun, true);
  }

  /**
   * {@link #run}; {@code reuseEntries} false renders every paper's entry afresh for every reader
   * (see {@link DigestRenderer}): the digest benchmark's baseline for the reuse.
   */
  RunReport run(LocalDate date, boolean dryRun, boolean reuseEntries) {
    running.lock();
    try {
      Instant now = clock.instant();
      DueDigests.Planned p = due.plan(date, dryRun, now, links, reuseEntries);
      long s0 = System.nanoTime();
      DigestSender.Counts n = dryRun ? new DigestSender.Counts() : sender.drain();
      long sendNanos = dryRun ? 0 : System.nanoTime() - s0;
      return new RunReport(
          p.due(),
          p.planned(),
          p.empty(),
          n.sent,
          n.retrying,
          n.failed,
          n.paused,
          p.lines(),
          new RunReport.Phases(p.planNanos(), p.renderNanos(), p.queueNanos(), sendNanos));
    } finally {
      running.unlock();
    }
  }

  /** Runs {@link #run} once a minute on the scheduler thread until {@link #close()}. */
  public void startScheduler() {
    startScheduler(Duration.ofSeconds(5), Duration.ofMinutes(1));
  }

  void startScheduler(Duration first, Duration every) {
    schedule.start(first, every);
  }

  /** Stops the schedule, waits (up to 30 s) for a run in progress, and closes the journal. */
  @Override
  public void close() {
    schedule.stop();
    try {
      if (running.tryLock(30, TimeUnit.SECONDS)) running.unlock();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.close();
  }
}
