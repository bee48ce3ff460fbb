package org.paperboy.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Named facts that outlive a run, such as the last OAI-PMH datestamp harvested for a set. */
public final class StateRepository {
  private final Jdbi jdbi;

  public StateRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<String> get(String key) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT state_value FROM ingest_state WHERE state_key = :k")
                .bind("k", key)
                .mapTo(String.class)
                .findOne());
  }

  public void put(String key, String value) {
    jdbi.useTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE ingest_state SET state_value = :v, updated_at = :t WHERE state_key = :k")
                  .bind("k", key)
                  .bind("v", value)
                  .bind("t", Instant.now())
                  .execute();
          if (n == 0) {
            h.createUpdate(
                    "INSERT INTO ingest_state (state_key, state_value, updated_at) VALUES (:k, :v, :t)")
                .bind("k", key)
                .bind("v", value)
                .bind("t", Instant.now())
                .execute();
          }
        });
  }
}
