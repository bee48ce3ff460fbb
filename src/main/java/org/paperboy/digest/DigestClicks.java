package org.paperboy.digest;

import java.time.Instant;
import java.util.function.ObjLongConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The paper links readers followed from their digests: the first click per reader and paper (a
 * second is the same row). Planning reads them back as liked papers of that reader.
 */
final class DigestClicks {
  private final Jdbi jdbi;

  DigestClicks(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Records that {@code subscription} opened {@code paperId}; nothing if it did before or is gone.
   */
  void record(long subscription, String paperId, Instant now) {
    if (clicked(subscription, paperId)) return;
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO digest_clicks (subscription_id, paper_id, clicked_at) VALUES (:s, :p, :t)")
                  .bind("s", subscription)
                  .bind("p", paperId)
                  .bind("t", now)
                  .execute());
    } catch (UnableToExecuteStatementException e) {
      // A racing click inserted first (the primary key kept one row), or the subscription was
      // deleted (its foreign key refused the row). Either way the reader still gets their paper;
      // anything else is a real failure.
      if (!clicked(subscription, paperId) && exists(subscription)) throw e;
    }
  }

  private boolean clicked(long subscription, String paperId) {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM digest_clicks WHERE subscription_id = :s AND paper_id = :p")
                    .bind("s", subscription)
                    .bind("p", paperId)
                    .mapTo(Integer.class)
                    .one())
        > 0;
  }

  private boolean exists(long subscription) {
    return jdbi.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM subscriptions WHERE id = :s")
                    .bind("s", subscription)
                    .mapTo(Integer.class)
                    .one())
        > 0;
  }

  /**
   * Every click as (paper, subscription), in the table's order: one plain scan with no join and no
   * sort, for the digest, which reads all of them for every run (a million rows at 100,000
   * readers).
   */
  void forEach(ObjLongConsumer<String> paperAndSubscription) {
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT subscription_id, paper_id FROM digest_clicks")
                .map(
                    (rs, ctx) -> {
                      paperAndSubscription.accept(rs.getString(2), rs.getLong(1));
                      return 0;
                    })
                .forEach(x -> {}));
  }
}
