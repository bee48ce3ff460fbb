package org.paperboy.digest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.paperboy.PaperboyException;
import org.paperboy.digest.OutboxClaims.Queued;
import org.paperboy.mail.Mail;
import org.paperboy.mail.MailDeliveryException;
import org.paperboy.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox has due: claims rows a batch at a time under a lease (renewed at
 * half-time), journals each accepted message at once, marks them sent a batch at a time, and
 * flushes once at the end, so a SIGKILL duplicates at most the one message in flight. Temporary
 * failures go back to the queue with exponential backoff; a run stops after three in a row (the
 * server is unwell).
 */
final class DigestSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DigestSender.class);
  private static final Duration MAX_BACKOFF = Duration.ofHours(6);

  /** Rows claimed per statement. */
  private static final int CLAIM_BATCH = 200;

  /** Accepted messages marked "sent" per transaction. */
  private static final int MARK_BATCH = 200;

  /** Temporary failures in a row that end a run's sending. */
  private static final int TROUBLE = 3;

  private final OutboxClaims outbox;
  private final Mailer mailer;
  private final DigestSettings settings;
  private final Clock clock;
  private final String sender =
      "paperboy-"
          + ProcessHandle.current().pid()
          + "-"
          + UUID.randomUUID().toString().substring(0, 8);
  private final SentJournal journal;

  /** What one drain did. */
  static final class Counts {
    int sent, retrying, failed, paused;
  }

  /** {@code journalDir}: where this sender's {@link SentJournal} lives. */
  DigestSender(
      OutboxClaims outbox, Mailer mailer, DigestSettings settings, Clock clock, Path journalDir) {
    this.outbox = outbox;
    this.mailer = mailer;
    this.settings = settings;
    this.clock = clock;
    this.journal = new SentJournal(journalDir, sender);
  }

  Counts drain() {
    Counts n = new Counts();
    replayJournals();
    long smtpNanos = 0, claimNanos = 0, markNanos = 0, start = System.nanoTime();
    int troubleInARow = 0;
    while (troubleInARow < TROUBLE) {
      Instant now = clock.instant();
      List<Long> ids = outbox.due(now, CLAIM_BATCH);
      if (ids.isEmpty()) break;
      Instant until = now.plus(settings.lease());
      long c0 = System.nanoTime();
      List<Queued> batch = outbox.claim(ids, sender, now, until);
      claimNanos += System.nanoTime() - c0;
      List<Queued> accepted = new ArrayList<>();
      int i = 0;
      for (; i < batch.size() && troubleInARow < TROUBLE; i++) {
        Queued q = batch.get(i);
        if (clock.instant().isAfter(until.minus(settings.lease().dividedBy(2)))) {
          until = clock.instant().plus(settings.lease()); // a slow server: keep the rest ours
          outbox.extend(batch.subList(i, batch.size()), sender, until);
        }
        try {
          long m0 = System.nanoTime();
          mailer.send(mail(q));
          smtpNanos += System.nanoTime() - m0;
          n.sent++;
          troubleInARow = 0;
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
            refused(q, e.getMessage(), n);
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
    long k0 = System.nanoTime();
    outbox.flush(); // the marks are on disk...
    journal.clear(); // ...so the journal may forget them
    markNanos += System.nanoTime() - k0;
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

  /** A 5xx: failed for good, and counted towards pausing the subscription. */
  private void refused(Queued q, String error, Counts n) {
    n.failed++;
    log.warn("digest {} to {} refused: {}", q.id(), q.to(), error);
    if (outbox.failed(q, sender, error, true, settings.pauseAfter())) {
      n.paused++;
      log.warn(
          "subscription of {} paused after {} refused digests in a row",
          q.to(),
          settings.pauseAfter());
    }
  }

  private void temporary(Queued q, String error, Counts n) {
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
    // RFC 8058 one-click unsubscribe: the mail client POSTs "List-Unsubscribe=One-Click" to it.
    headers.put("List-Unsubscribe", "<" + q.unsubscribeUrl() + ">");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    headers.put("Auto-Submitted", "auto-generated");
    return new Mail(q.to(), q.subject(), q.text(), q.html(), headers);
  }

  @Override
  public void close() {
    journal.close();
  }
}
