package org.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.PaperboyException;

/** Closing collects: every resource is closed in reverse, and no failure is lost. */
class CloserTest {
  private final List<String> closed = new ArrayList<>();

  private AutoCloseable fine(String name) {
    return () -> closed.add(name);
  }

  private AutoCloseable failing(String name, Exception failure) {
    return () -> {
      closed.add(name);
      throw failure;
    };
  }

  @Test
  void closes_everything_in_reverse_and_throws_the_first_failure_with_the_rest_suppressed() {
    Closer closer = new Closer();
    IOException disk = new IOException("disk gone");
    IllegalStateException index = new IllegalStateException("index busy");
    closer.track(fine("database"));
    closer.track(failing("search", index));
    closer.track(fine("mailer"));
    closer.track(failing("digests", disk)); // a checked exception counts too

    assertThatThrownBy(closer::close)
        .isInstanceOf(PaperboyException.class)
        .hasMessage("closing paperboy failed: disk gone")
        .hasCause(disk)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(index));
    assertThat(closed).containsExactly("digests", "mailer", "search", "database");

    closer.close(); // nothing is closed twice
    assertThat(closed).hasSize(4);
  }

  @Test
  void after_a_partial_start_the_start_failure_carries_every_close_failure() {
    Closer closer = new Closer();
    IOException db = new IOException("cannot close the database");
    RuntimeException index = new RuntimeException("cannot close the index");
    closer.track(failing("database", db));
    closer.track(failing("search", index));
    RuntimeException start = new RuntimeException("the mailer's From address is junk");

    closer.closeAfterFailedStart(start);

    assertThat(start.getSuppressed()).containsExactly(index, db);
    assertThat(closed).containsExactly("search", "database");
  }
}
