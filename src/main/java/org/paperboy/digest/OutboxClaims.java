package org.paperboy.digest;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox as senders use it: they take rows, a batch at a time, with a compare-and-set claim
 * that carries a lease. A sender that dies mid-send leaves rows that the next run takes over when
 * the lease runs out; what the dead sender had delivered is in its {@link SentJournal}, so only the
 * message in flight goes out twice. Only the holder of a claim may mark its rows.
 */
final class OutboxClaims {
  private final Jdbi jdbi;
  private final boolean h2;

  OutboxClaims(Jdbi jdbi) {
    this.jdbi = jdbi;
    try {
      this.h2 =
          jdbi.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName())
              .equals("H2");
    } catch (SQLException e) {
      throw new org.paperboy.PaperboyException(
          "cannot tell which database this is: " + e.getMessage(), e);
    }
  }

  /** One row to send. */
  record Queued(
      long id,
      long subscription,
      LocalDate date,
      String to,
      String subject,
      String text,
      String html,
      String messageId,
      String unsubscribeUrl,
      int attempts) {}

  /**
   * Rows due for sending, oldest first: queued ones whose time has come and ones whose sender's
   * lease ran out. Two index-friendly queries rather than one with OR: the rows are large (they
   * hold the rendered mail) and a scan of them per message made a run quadratic.
   */
  List<Long> due(Instant now, int limit) {
    return jdbi.withHandle(
        h -> {
          List<Long> ids =
              new java.util.ArrayList<>(
                  h.createQuery(
                          "SELECT id FROM digests WHERE status = 'sending' AND claimed_until < :now ORDER BY id LIMIT "
                              + limit)
                      .bind("now", now)
                      .mapTo(Long.class)
                      .list());
          ids.addAll(
              h.createQuery(
                      "SELECT id FROM digests WHERE status = 'queued' AND next_attempt_at <= :now ORDER BY id LIMIT "
                          + limit)
                  .bind("now", now)
                  .mapTo(Long.class)
                  .list());
          return ids;
        });
  }

  /**
   * Takes the due rows among {@code ids} for {@code sender} until {@code leaseUntil}, in one
   * statement; returns the ones it won, by id. Rows another sender took meanwhile are left out.
   */
  List<Queued> claim(List<Long> ids, String sender, Instant now, Instant leaseUntil) {
    if (ids.isEmpty()) return List.of();
    String due =
        "((status = 'queued' AND next_attempt_at <= :now) OR (status = 'sending' AND claimed_until < :now))";
    return jdbi.inTransaction(
        h -> {
          h.createUpdate(
                  "UPDATE digests SET status = 'sending', claimed_by = :me, claimed_until = :until,"
                      + " attempts = attempts + 1 WHERE id IN (<ids>) AND "
                      + due)
              .bind("me", sender)
              .bind("until", leaseUntil)
              .bindList("ids", ids)
              .bind("now", now)
              .execute();
          return h.createQuery(
                  "SELECT id, subscription_id, local_date, recipient, subject, body_text,"
                      + " body_html, message_id, unsubscribe_url, attempts FROM digests"
                      + " WHERE id IN (<ids>) AND status = 'sending' AND claimed_by = :me ORDER BY id")
              .bindList("ids", ids)
              .bind("me", sender)
              .map(
                  (rs, ctx) ->
                      new Queued(
                          rs.getLong(1),
                          rs.getLong(2),
                          rs.getObject(3, LocalDate.class),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getString(6),
                          rs.getString(7),
                          rs.getString(8),
                          rs.getString(9),
                          rs.getInt(10)))
              .list();
        });
  }

  /**
   * Extends the lease on rows still held by {@code sender} (a long batch must not be taken over
   * half way).
   */
  void extend(List<Queued> rows, String sender, Instant leaseUntil) {
    if (rows.isEmpty()) return;
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE digests SET claimed_until = :until WHERE id IN (<ids>) AND claimed_by = :me"
                        + " AND status = 'sending'")
                .bind("until", leaseUntil)
                .bindList("ids", rows.stream().map(Queued::id).toList())
                .bind("me", sender)
                .execute());
  }

  /**
   * Gives back claimed rows that were not tried (the run stopped early): queued again, the attempt
   * not counted.
   */
  void release(List<Queued> rows, String sender) {
    if (rows.isEmpty()) return;
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE digests SET status = 'queued', attempts = attempts - 1, claimed_by = NULL,"
                        + " claimed_until = NULL WHERE id IN (<ids>) AND claimed_by = :me AND status = 'sending'")
                .bindList("ids", rows.stream().map(Queued::id).toList())
                .bind("me", sender)
                .execute());
  }

  /**
   * Delivered, many at once: the rows are done and their readers' hard-failure counts start again.
   * {@code flush}: on disk when this returns (embedded H2); without, the sender's journal must hold
   * the ids until {@link #flush()}.
   */
  void sent(List<Queued> rows, String sender, Instant now, boolean flush) {
    if (rows.isEmpty()) return;
    jdbi.useTransaction(
        h -> {
          var digests =
              h.prepareBatch(
                  "UPDATE digests SET status = 'sent', sent_at = :now, claimed_by = NULL, claimed_until = NULL,"
                      + " last_error = NULL WHERE id = :id AND claimed_by = :me");
          var subs =
              h.prepareBatch(
                  "UPDATE subscriptions SET hard_failures = 0 WHERE id = :s AND hard_failures <> 0");
          for (Queued q : rows) {
            digests.bind("now", now).bind("id", q.id()).bind("me", sender).add();
            subs.bind("s", q.subscription()).add();
          }
          digests.execute();
          subs.execute();
        });
    if (flush) flush();
  }

  /**
   * Marks rows the server accepted according to a dead sender's journal, whoever holds them now.
   */
  void sentFromJournal(List<Long> ids, Instant now) {
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "UPDATE digests SET status = 'sent', sent_at = :now, claimed_by = NULL,"
                          + " claimed_until = NULL, last_error = NULL WHERE id IN (<ids>) AND status <> 'sent'")
                  .bind("now", now)
                  .bindList("ids", chunk)
                  .execute());
    }
    flush();
  }

  /** Embedded H2 writes commits to its file up to a second late: write them now. */
  void flush() {
    if (h2) jdbi.useHandle(h -> h.execute("CHECKPOINT"));
  }

  /** A temporary failure: back in the queue, due again at {@code next}. */
  void retry(Queued q, String sender, String error, Instant next) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE digests SET status = 'queued', next_attempt_at = :next,"
                        + " claimed_by = NULL, claimed_until = NULL, last_error = :err WHERE id = :id AND claimed_by = :me")
                .bind("next", next)
                .bind("err", cut(error))
                .bind("id", q.id())
                .bind("me", sender)
                .execute());
  }

  /**
   * Failed for good. {@code hard}: the server refused it (5xx), which counts towards pausing the
   * subscription after {@code pauseAfter} in a row; true when this failure paused it.
   */
  boolean failed(Queued q, String sender, String error, boolean hard, int pauseAfter) {
    return jdbi.inTransaction(
        h -> {
          h.createUpdate(
                  "UPDATE digests SET status = 'failed', claimed_by = NULL, claimed_until = NULL, last_error = :err"
                      + " WHERE id = :id AND claimed_by = :me")
              .bind("err", cut(error))
              .bind("id", q.id())
              .bind("me", sender)
              .execute();
          if (!hard) return false;
          h.createUpdate("UPDATE subscriptions SET hard_failures = hard_failures + 1 WHERE id = :s")
              .bind("s", q.subscription())
              .execute();
          return h.createUpdate(
                      "UPDATE subscriptions SET status = 'paused' WHERE id = :s AND status = 'active'"
                          + " AND hard_failures >= :n")
                  .bind("s", q.subscription())
                  .bind("n", pauseAfter)
                  .execute()
              > 0;
        });
  }

  private static String cut(String s) {
    if (s == null) return "";
    return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
  }
}
