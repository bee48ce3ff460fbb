package org.paperboy.digest;

import java.time.Instant;
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

  /** Records that {@code subscription} opened {@code paperId}; nothing if it did before or is gone. */
  void record(long subscription, String paperId, Instant now) {
    try {
      jdbi.useHandle(h -> h.createUpdate(
              "INSERT INTO digest_clicks (subscription_id, paper_id, clicked_at) SELECT id, :p, :t FROM subscriptions"
                  + " WHERE id = :s AND NOT EXISTS (SELECT 1 FROM digest_clicks WHERE subscription_id = :s AND paper_id = :p)")
          .bind("s", subscription).bind("p", paperId).bind("t", now)
          .execute());
    } catch (UnableToExecuteStatementException e) {
      // Two clicks raced past NOT EXISTS (or the subscription was deleted meanwhile): at most one
      // row either way, and a lost click must not keep the reader from their paper.
    }
  }
}
