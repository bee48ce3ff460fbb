package org.paperboy.digest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.NotFoundException;
import org.paperboy.PaperboyException;
import org.paperboy.digest.DigestLinks.Purpose;
import org.paperboy.digest.DigestOutbox.Queued;
import org.paperboy.digest.DigestRenderer.Rendered;
import org.paperboy.digest.Subscription.Status;
import org.paperboy.embed.Embedder;
import org.paperboy.mail.Mail;
import org.paperboy.mail.MailDeliveryException;
import org.paperboy.mail.Mailer;
import org.paperboy.rank.TrendingService;
import org.paperboy.search.SearchService;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest feature's one entry point: subscriptions (admin and double opt-in), signed links, and
 * {@link #run}, which plans the digests that are due, queues them in the outbox and sends what the
 * outbox holds. {@link #startScheduler()} runs it every minute for {@code serve}.
 */
public final class DigestService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DigestService.class);
  private static final String SECRET_KEY = "digest.hmac-secret";

  /** Confirmation mails per address per hour: enough to retry, too few to mail-bomb someone. */
  static final int CONFIRMATIONS_PER_HOUR = 3;

  private static final Duration MAX_BACKOFF = Duration.ofHours(6);

  /** Rows claimed per statement. */
  private static final int CLAIM_BATCH = 200;

  /** Accepted messages marked "sent" per transaction and flush. */
  private static final int MARK_BATCH = 200;

  private final Subscriptions subscriptions;
  private final DigestOutbox outbox;
  private final DigestClicks clicks;
  private final DigestPlanner planner;
  private final Mailer mailer;
  private final Clock clock;
  private final DigestSettings settings;
  private final byte[] key;
  private final SentJournal journal;
  private final String sender =
      "paperboy-"
          + ProcessHandle.current().pid()
          + "-"
          + UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, long[]> confirmations = new ConcurrentHashMap<>();
  private volatile DigestLinks links;
  private ScheduledExecutorService scheduler;

  public DigestService(
      Jdbi jdbi,
      StateRepository state,
      String secret,
      PaperRepository papers,
      SearchService search,
      TrendingService trending,
      Mailer mailer,
      DigestSettings settings,
      Clock clock) {
    this(jdbi, state, secret, papers, search, trending, null, mailer, settings, clock, null);
  }

  /**
   * @param embedder the papers' sentence vectors for picks and the hybrid order of alerts; null:
   *     hashed words and BM25 only
   * @param dataDir where the sender's journal of accepted messages lives (see {@link SentJournal});
   *     null: every "sent" mark is flushed on its own
   */
  public DigestService(
      Jdbi jdbi,
      StateRepository state,
      String secret,
      PaperRepository papers,
      SearchService search,
      TrendingService trending,
      Embedder embedder,
      Mailer mailer,
      DigestSettings settings,
      Clock clock,
      Path dataDir) {
    this.subscriptions = new Subscriptions(jdbi);
    this.outbox = new DigestOutbox(jdbi);
    this.clicks = new DigestClicks(jdbi);
    this.planner = new DigestPlanner(jdbi, papers, search, trending, embedder);
    this.journal =
        dataDir == null ? null : new SentJournal(dataDir.resolve("digest-journal"), sender);
    this.mailer = mailer;
    this.clock = clock;
    this.settings = settings;
    this.key = secret(state, secret);
    this.links = new DigestLinks(key, settings.baseUrl());
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

  /** PAPERBOY_SECRET when set, else a random key made once and kept in the store. */
  private static byte[] secret(StateRepository state, String configured) {
    String k = configured;
    if (k == null || k.isBlank()) {
      k =
          state
              .get(SECRET_KEY)
              .orElseGet(
                  () -> {
                    byte[] b = new byte[32];
                    new java.security.SecureRandom().nextBytes(b);
                    String made = java.util.HexFormat.of().formatHex(b);
                    state.put(SECRET_KEY, made);
                    return made;
                  });
    } else {
      k = "digest:" + k; // not the same key as sign-in links even when both come from one secret
    }
    return k.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Links in mail point here; {@code serve} sets it once it knows its port (without
   * PAPERBOY_BASE_URL).
   */
  public void useBaseUrl(String baseUrl) {
    links = new DigestLinks(key, settings.withBaseUrl(baseUrl).baseUrl());
  }

  // ---- subscriptions -------------------------------------------------------------------------

  /**
   * Admin: subscribes or updates {@code form.email()}; unconfirmed ones get a confirmation mail.
   */
  public Subscription subscribe(SubscriptionForm form, boolean confirmed) {
    Subscription s =
        subscriptions.save(form, confirmed ? Status.ACTIVE : Status.PENDING, clock.instant());
    if (s.status() == Status.PENDING) mailConfirmation(s);
    return s;
  }

  /**
   * The web form. The answer is the same whatever the address (no one learns who subscribes). A new
   * or pending address gets the settings and a confirmation link; a confirmed one keeps its
   * settings (whoever typed the address may not own it) and gets a link to its manage page. False
   * when the address asked too often: nothing was mailed.
   */
  public boolean request(SubscriptionForm form) {
    if (!allowConfirmation(form.email())) return false;
    Optional<Subscription> old = subscriptions.find(form.email());
    if (old.isPresent() && old.get().status() != Status.PENDING) {
      Subscription s = old.get();
      mailer.send(
          new Mail(
              s.email(),
              "Your paperboy digest subscription",
              "Hello,\n\nsomeone (perhaps you) asked to subscribe this address to the paperboy digest. It is"
                  + " subscribed already; to change alerts, time or zone, or to unsubscribe, open:\n\n"
                  + links.url(Purpose.MANAGE, s.id(), clock.instant())
                  + "\n"));
      return true;
    }
    mailConfirmation(subscriptions.save(form, Status.PENDING, clock.instant()));
    return true;
  }

  private boolean allowConfirmation(String email) {
    long now = clock.millis();
    if (confirmations.size() > 100_000)
      confirmations.values().removeIf(c -> now - c[0] > 3_600_000);
    long[] c =
        confirmations.compute(
            email,
            (k, old) ->
                old == null || now - old[0] > 3_600_000
                    ? new long[] {now, 1}
                    : new long[] {old[0], old[1] + 1});
    return c[1] <= CONFIRMATIONS_PER_HOUR;
  }

  private void mailConfirmation(Subscription s) {
    mailer.send(
        new Mail(
            s.email(),
            "Confirm your paperboy digest",
            "Hello,\n\nplease confirm that you want the daily paperboy digest at this address:\n\n"
                + links.url(Purpose.CONFIRM, s.id(), clock.instant())
                + "\n\nNothing is sent before you confirm. If you did not ask for it, ignore this message.\n"));
  }

  /** Spends a confirmation link: the subscription is active from now on. */
  public Subscription confirm(String token) {
    long id = links.verify(Purpose.CONFIRM, token, clock.instant());
    subscriptions.confirm(id, clock.instant());
    return subscription(id);
  }

  /** The subscription a manage link names. */
  public Subscription manage(String token) {
    return subscription(links.verify(Purpose.MANAGE, token, clock.instant()));
  }

  /** Saves new settings through a manage link (the address itself cannot change). */
  public Subscription update(String token, SubscriptionForm form) {
    Subscription s = manage(token);
    if (!s.email().equals(form.email()))
      throw new org.paperboy.BadInputException(
          "the address of a subscription cannot change; subscribe the new one instead");
    return subscriptions.save(
        form, s.status() == Status.PENDING ? Status.ACTIVE : s.status(), clock.instant());
  }

  public Subscription pause(String token, boolean paused) {
    Subscription s = manage(token);
    subscriptions.setStatus(s.id(), paused ? Status.PAUSED : Status.ACTIVE);
    return subscription(s.id());
  }

  /**
   * Deletes everything kept about the subscriber; true when there was anything (a link clicked
   * twice is fine).
   */
  public boolean unsubscribe(String token) {
    return subscriptions.remove(links.verify(Purpose.UNSUBSCRIBE, token, clock.instant()));
  }

  /** Deletes through a manage link. */
  public boolean deleteByManageLink(String token) {
    return subscriptions.remove(links.verify(Purpose.MANAGE, token, clock.instant()));
  }

  public boolean remove(String email) {
    return subscriptions.remove(SubscriptionForm.email(email));
  }

  public List<Subscription> subscriptions() {
    return subscriptions.all();
  }

  public Optional<Subscription> find(String email) {
    return subscriptions.find(SubscriptionForm.email(email));
  }

  private Subscription subscription(long id) {
    return subscriptions
        .find(id)
        .orElseThrow(() -> new NotFoundException("this subscription no longer exists"));
  }

  /** A manage link for {@code id}, e.g. for the page shown after confirming. */
  public String manageToken(long id) {
    return links.token(Purpose.MANAGE, id, clock.instant());
  }

  /** Outbox rows by status ("queued", "sent", ...). */
  public Map<String, Integer> outboxCounts() {
    return outbox.counts();
  }

  // ---- runs ----------------------------------------------------------------------------------

  /**
   * Plans and queues the digests that are due, then sends everything the outbox has due. A reader
   * is due when their local time has reached their send time and they have no digest for that local
   * date; with {@code date}, every active reader without a digest for {@code date} is due. A dry
   * run plans and renders but writes and sends nothing.
   */
  public synchronized RunReport run(LocalDate date, boolean dryRun) {
    Instant now = clock.instant();
    List<Subscription> active = subscriptions.active();
    Map<Subscription, LocalDate> due = new LinkedHashMap<>();
    for (Subscription s : active) {
      ZonedDateTime local = now.atZone(s.zone());
      if (date != null) due.put(s, date);
      else if (!local.toLocalTime().isBefore(s.sendTime())) due.put(s, local.toLocalDate());
    }
    Set<String> done =
        due.isEmpty() ? Set.of() : outbox.planned(List.copyOf(new TreeSet<>(due.values())));
    due.keySet().removeIf(s -> done.contains(s.id() + "/" + due.get(s)));
    long t0 = System.nanoTime();
    DigestPlanner.Run planning = planner.run(due.keySet(), now);
    long planNanos = System.nanoTime() - t0, renderNanos = 0, queueNanos = 0;
    DigestRenderer renderer = new DigestRenderer(links);
    int planned = 0, empty = 0;
    List<String> lines = new ArrayList<>();
    List<DigestOutbox.Entry> pending = new ArrayList<>();
    for (var e : due.entrySet()) {
      Subscription s = e.getKey();
      long p0 = System.nanoTime();
      DigestPlan plan = planning.plan(s, e.getValue());
      long r0 = System.nanoTime();
      Rendered r = plan.empty() ? null : renderer.render(plan, now);
      long r1 = System.nanoTime();
      planNanos += r0 - p0;
      renderNanos += r1 - r0;
      if (dryRun) {
        lines.add(s.email() + " " + plan.date() + ": " + (r == null ? "nothing new" : r.subject()));
        if (r == null) empty++;
        else planned++;
        continue;
      }
      pending.add(new DigestOutbox.Entry(plan, r));
      // A few hundred at a time: 100,000 rendered digests held at once would be gigabytes.
      if (pending.size() == 250) {
        int[] n = queue(pending, now);
        planned += n[0];
        empty += n[1];
        queueNanos += System.nanoTime() - r1;
      }
    }
    if (!pending.isEmpty()) {
      long q0 = System.nanoTime();
      int[] n = queue(pending, now);
      planned += n[0];
      empty += n[1];
      queueNanos += System.nanoTime() - q0;
    }
    if (dryRun)
      return new RunReport(
          due.size(),
          planned,
          empty,
          0,
          0,
          0,
          0,
          lines,
          new RunReport.Phases(planNanos, renderNanos, 0, 0));
    long s0 = System.nanoTime();
    Send send = drain();
    return new RunReport(
        due.size(),
        planned,
        empty,
        send.sent,
        send.retrying,
        send.failed,
        send.paused,
        lines,
        new RunReport.Phases(planNanos, renderNanos, queueNanos, System.nanoTime() - s0));
  }

  /**
   * Queues and forgets {@code pending}; returns how many were queued with mail and how many as
   * empty days.
   */
  private int[] queue(List<DigestOutbox.Entry> pending, Instant now) {
    boolean[] queued = outbox.enqueueAll(pending, now);
    int[] n = new int[2];
    for (int i = 0; i < queued.length; i++)
      if (queued[i]) n[pending.get(i).rendered() == null ? 1 : 0]++;
    pending.clear();
    return n;
  }

  private static final class Send {
    int sent, retrying, failed, paused;
  }

  /**
   * Sends what is due in the outbox, claiming rows a batch at a time; stops early when the mail
   * server keeps failing. With a journal, each accepted message is journalled at once, the outbox
   * marks them sent a batch at a time, and one flush at the end makes the marks durable; without,
   * each is marked and flushed on its own. Either way a SIGKILL duplicates at most the one message
   * in flight.
   */
  private Send drain() {
    Send n = new Send();
    replayJournals();
    long smtpNanos = 0, claimNanos = 0, markNanos = 0, start = System.nanoTime();
    int troubleInARow = 0;
    while (troubleInARow < 3) {
      Instant now = clock.instant();
      List<Long> ids = outbox.due(now, CLAIM_BATCH);
      if (ids.isEmpty()) break;
      Instant until = now.plus(settings.lease());
      long c0 = System.nanoTime();
      List<Queued> batch = outbox.claim(ids, sender, now, until);
      claimNanos += System.nanoTime() - c0;
      List<Queued> accepted = new ArrayList<>();
      int i = 0;
      for (; i < batch.size() && troubleInARow < 3; i++) {
        Queued q = batch.get(i);
        if (clock.instant().isAfter(until.minus(settings.lease().dividedBy(2)))) {
          until =
              clock
                  .instant()
                  .plus(settings.lease()); // a slow server: keep the rest of the batch ours
          outbox.extend(batch.subList(i, batch.size()), sender, until);
        }
        try {
          long m0 = System.nanoTime();
          mailer.send(mail(q));
          smtpNanos += System.nanoTime() - m0;
          n.sent++;
          troubleInARow = 0;
          if (journal == null) {
            outbox.sent(List.of(q), sender, clock.instant(), true);
            continue;
          }
          journal.record(q.id());
          accepted.add(q);
          if (accepted.size() == MARK_BATCH) {
            long k0 = System.nanoTime();
            markSent(accepted);
            markNanos += System.nanoTime() - k0;
          }
        } catch (MailDeliveryException e) {
          if (e.temporary()) {
            troubleInARow++;
            temporary(q, e.getMessage(), n);
          } else {
            n.failed++;
            log.warn("digest {} to {} refused: {}", q.id(), q.to(), e.getMessage());
            if (outbox.failed(q, sender, e.getMessage(), true, settings.pauseAfter())) {
              n.paused++;
              log.warn(
                  "subscription of {} paused after {} refused digests in a row",
                  q.to(),
                  settings.pauseAfter());
            }
          }
        } catch (PaperboyException e) { // e.g. the .eml outbox cannot be written: try again later
          troubleInARow++;
          temporary(q, e.getMessage(), n);
        }
      }
      long k0 = System.nanoTime();
      markSent(accepted);
      markNanos += System.nanoTime() - k0;
      outbox.release(batch.subList(i, batch.size()), sender);
    }
    if (journal != null) {
      long k0 = System.nanoTime();
      outbox.flush(); // the marks are on disk...
      journal.clear(); // ...so the journal may forget them
      markNanos += System.nanoTime() - k0;
    }
    if (n.sent > 0) {
      log.info(
          "sent {} digests in {} ms: SMTP {} ms, claims {} ms, marking sent {} ms",
          n.sent,
          (System.nanoTime() - start) / 1_000_000,
          smtpNanos / 1_000_000,
          claimNanos / 1_000_000,
          markNanos / 1_000_000);
    }
    return n;
  }

  /**
   * Marks accepted rows sent, without flushing: on a large H2 file a flush took a second or more,
   * so the run flushes once at its end and only then empties the journal, which until then holds
   * every id it sent (a few bytes each; a crashed run's journal is replayed, idempotently).
   */
  private void markSent(List<Queued> accepted) {
    if (accepted.isEmpty()) return;
    outbox.sent(accepted, sender, clock.instant(), false);
    accepted.clear();
  }

  /**
   * Marks what dead senders (or an earlier run of this one that failed) journalled but did not
   * mark.
   */
  private void replayJournals() {
    if (journal == null) return;
    for (SentJournal.Leftover l : journal.leftovers()) {
      if (!l.ids().isEmpty()) {
        log.info(
            "marking {} digests sent that a stopped sender had delivered ({})",
            l.ids().size(),
            l.file().getFileName());
        outbox.sentFromJournal(l.ids(), clock.instant());
      }
      journal.done(l);
    }
  }

  private void temporary(Queued q, String error, Send n) {
    if (q.attempts() >= settings.maxAttempts()) {
      n.failed++;
      outbox.failed(
          q,
          sender,
          "gave up after " + q.attempts() + " attempts: " + error,
          false,
          settings.pauseAfter());
      return;
    }
    long factor = 1L << Math.min(20, q.attempts() - 1);
    Duration wait = settings.retryBase().multipliedBy(factor);
    if (wait.compareTo(MAX_BACKOFF) > 0) wait = MAX_BACKOFF;
    n.retrying++;
    log.info("digest {} to {}: {}; trying again in {}s", q.id(), q.to(), error, wait.toSeconds());
    outbox.retry(q, sender, error, clock.instant().plus(wait));
  }

  private static Mail mail(Queued q) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Message-ID", q.messageId());
    // RFC 8058 one-click unsubscribe: the mail client POSTs "List-Unsubscribe=One-Click" to the
    // URL.
    headers.put("List-Unsubscribe", "<" + q.unsubscribeUrl() + ">");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    headers.put("Auto-Submitted", "auto-generated");
    return new Mail(q.to(), q.subject(), q.text(), q.html(), headers);
  }

  // ---- scheduling ----------------------------------------------------------------------------

  /** Runs {@link #run} once a minute on a named thread until {@link #close()}. */
  public void startScheduler() {
    startScheduler(Duration.ofSeconds(5), Duration.ofMinutes(1));
  }

  synchronized void startScheduler(Duration first, Duration every) {
    if (scheduler != null) return;
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "paperboy-digest-scheduler");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            RunReport r = run(null, false);
            if (r.due() + r.sent() + r.retrying() + r.failed() > 0)
              log.info("digest run: {}", r.summary());
          } catch (RuntimeException e) {
            log.error("digest run failed; trying again in a minute", e); // keep the schedule alive
          }
        },
        first.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    ScheduledExecutorService s;
    synchronized (this) {
      s = scheduler;
      scheduler = null;
    }
    if (s == null) {
      if (journal != null) journal.close();
      return;
    }
    s.shutdown();
    try {
      if (!s.awaitTermination(30, TimeUnit.SECONDS)) s.shutdownNow();
    } catch (InterruptedException e) {
      s.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (journal != null) journal.close();
  }
}
