package org.paperboy.digest;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.paperboy.digest.DigestRenderer.Rendered;

/**
 * The durable outbox, as planning writes it. A digest is written here, together with its papers in
 * {@code sent_papers} and the reader's new cut-off, in one transaction; the unique key on
 * (subscription, local date) makes a second planner's insert fail, so two runs at once never queue
 * two digests. Sending takes the rows from here through {@link OutboxClaims}.
 */
final class DigestOutbox {
  private static final String INSERT_DIGEST =
      "INSERT INTO digests (subscription_id, local_date, status, message_id, recipient, subject,"
          + " body_text, body_html, unsubscribe_url, papers, attempts, next_attempt_at, created_at)"
          + " VALUES (:s, :d, :status, :mid, :to, :subject, :text, :html, :unsub, :n, 0, :now, :now)";
  private static final String INSERT_SENT =
      "INSERT INTO sent_papers (subscription_id, paper_id, digest_date) VALUES (:s, :p, :d)";
  private static final String MOVE_CUTOFF =
      "UPDATE subscriptions SET papers_since = :now WHERE id = :s";

  private final Jdbi jdbi;

  DigestOutbox(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The (subscription, local date) pairs among {@code dates} that have a digest, as "id/date". */
  Set<String> planned(List<LocalDate> dates) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT subscription_id, local_date FROM digests WHERE local_date IN (<d>)")
                .bindList("d", dates)
                .map((rs, ctx) -> rs.getLong(1) + "/" + rs.getObject(2, LocalDate.class))
                .set());
  }

  /**
   * Queues {@code r} for {@code plan}, or records an empty day when {@code r} is null (no email,
   * and the cut-off stays, so today's late papers go into tomorrow's digest). False when another
   * run already planned this subscriber's date.
   */
  boolean enqueue(DigestPlan plan, Rendered r, Instant now) {
    Subscription s = plan.subscription();
    try {
      return jdbi.inTransaction(
          h -> {
            bind(h.createUpdate(INSERT_DIGEST), plan, r, now).execute();
            if (r == null) return true;
            var batch = h.prepareBatch(INSERT_SENT);
            for (DigestPlan.Item i : plan.items())
              batch.bind("s", s.id()).bind("p", i.paper().id()).bind("d", plan.date()).add();
            batch.execute();
            h.createUpdate(MOVE_CUTOFF).bind("now", now).bind("s", s.id()).execute();
            return true;
          });
    } catch (UnableToExecuteStatementException e) {
      if (lostTheRace(e)) return false;
      throw e;
    }
  }

  /** One digest to queue: {@code rendered} null for an empty day. */
  record Entry(DigestPlan plan, Rendered rendered) {}

  /**
   * Queues many digests, a few hundred per transaction; for each entry, whether it was queued
   * (false: another run planned that reader's date first). A transaction that loses a race is
   * rolled back and its entries are queued one by one, so one conflict costs only its own entry.
   */
  boolean[] enqueueAll(List<Entry> entries, Instant now) {
    boolean[] done = new boolean[entries.size()];
    final int chunk = 250;
    for (int from = 0; from < entries.size(); from += chunk) {
      List<Entry> part = entries.subList(from, Math.min(entries.size(), from + chunk));
      try {
        jdbi.useTransaction(
            h -> {
              var digests = h.prepareBatch(INSERT_DIGEST);
              var papers = h.prepareBatch(INSERT_SENT);
              var cutoffs = h.prepareBatch(MOVE_CUTOFF);
              int paperRows = 0, cutoffRows = 0;
              for (Entry e : part) {
                bind(digests, e.plan(), e.rendered(), now).add();
                if (e.rendered() == null) continue;
                long s = e.plan().subscription().id();
                for (DigestPlan.Item i : e.plan().items()) {
                  papers.bind("s", s).bind("p", i.paper().id()).bind("d", e.plan().date()).add();
                  paperRows++;
                }
                cutoffs.bind("now", now).bind("s", s).add();
                cutoffRows++;
              }
              digests.execute();
              if (paperRows > 0) papers.execute();
              if (cutoffRows > 0) cutoffs.execute();
            });
        java.util.Arrays.fill(done, from, from + part.size(), true);
      } catch (org.jdbi.v3.core.statement.StatementException e) {
        if (!lostTheRace(e)) throw e;
        for (int i = 0; i < part.size(); i++)
          done[from + i] = enqueue(part.get(i).plan(), part.get(i).rendered(), now);
      }
    }
    return done;
  }

  private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(
      T st, DigestPlan plan, Rendered r, Instant now) {
    Subscription s = plan.subscription();
    return st.bind("s", s.id())
        .bind("d", plan.date())
        .bind("status", r == null ? "empty" : "queued")
        .bind("mid", r == null ? "" : r.messageId())
        .bind("to", s.email())
        .bind("subject", r == null ? "" : r.subject())
        .bind("text", r == null ? "" : r.text())
        .bind("html", r == null ? "" : r.html())
        .bind("unsub", r == null ? "" : r.unsubscribeUrl())
        .bind("n", plan.items().size())
        .bind("now", now);
  }

  private static boolean lostTheRace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      // 23505: the unique key. The others: the other run's insert still held the key's lock (H2).
      if (t instanceof SQLException sql
          && Set.of("23505", "40001", "50200", "90131").contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
