package org.paperboy.digest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The two questions planning asks of the papers table by first-seen time. They belong to the
 * store's repository; they stay here, in one place, until the store issue reshapes it.
 */
final class NewPapers {
  private final Jdbi jdbi;

  NewPapers(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Papers first seen in (since, now], newest first, with their first-seen time; at most max. */
  List<Map.Entry<String, Instant>> since(Instant since, Instant now, int max) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, first_seen FROM papers WHERE first_seen > :since AND first_seen <= :now"
                        + " ORDER BY first_seen DESC, id LIMIT "
                        + max)
                .bind("since", since)
                .bind("now", now)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list());
  }

  /** The newest papers first seen up to {@code cutoff}: the negatives of the linear models. */
  List<String> before(Instant cutoff) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id FROM papers WHERE first_seen <= :since ORDER BY first_seen DESC, id LIMIT 300")
                .bind("since", cutoff)
                .mapTo(String.class)
                .list());
  }
}
