package org.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paperboy.PaperboyException;

/** Issue 12: on PostgreSQL every handle opened a new connection; now they come from a pool. */
class PostgresPoolTest {
  @Test
  void handles_reuse_pooled_connections_instead_of_opening_one_each() {
    try (TestPostgres pg = TestPostgres.freshSchema();
        Database db = Database.open(pg.url(), pg.user(), pg.password())) {
      Set<Integer> backends = new HashSet<>();
      for (int i = 0; i < 30; i++) {
        backends.add(
            db.jdbi()
                .withHandle(h -> h.select("SELECT pg_backend_pid()").mapTo(Integer.class).one()));
      }
      // Each backend process is one connection: 30 handles, at most the pool's size of them.
      assertThat(backends).hasSizeLessThanOrEqualTo(ServerPool.MAX);
    }
  }

  @Test
  void a_server_that_cannot_be_reached_is_one_clear_error() {
    assertThatThrownBy(
            () -> Database.open("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "x", "y"))
        .isInstanceOf(PaperboyException.class)
        .hasMessageStartingWith("cannot open the database at jdbc:postgresql://127.0.0.1:1/none");
  }
}
