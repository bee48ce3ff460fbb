package org.paperboy.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
  /** A clock that moves only when the pacer sleeps or the test says so. */
  private static final class FakeTime implements InstantSource, Sleeper {
    Instant now = Instant.parse("2026-06-12T08:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      now = now.plus(duration);
    }
  }

  private final FakeTime time = new FakeTime();
  private final Pacer pacer = new Pacer(time, time);

  @Test
  void the_first_turn_does_not_wait() throws Exception {
    pacer.awaitTurn(Duration.ofSeconds(3));

    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void a_turn_waits_for_what_is_left_of_the_gap_since_the_last_one_began() throws Exception {
    pacer.awaitTurn(Duration.ofSeconds(3));
    time.now = time.now.plusMillis(1200); // the request itself took 1.2 s
    pacer.awaitTurn(Duration.ofSeconds(3));
    pacer.awaitTurn(Duration.ofSeconds(3));

    assertThat(time.sleeps).containsExactly(Duration.ofMillis(1800), Duration.ofSeconds(3));
  }

  @Test
  void a_turn_after_a_longer_pause_does_not_wait() throws Exception {
    pacer.awaitTurn(Duration.ofSeconds(3));
    time.now = time.now.plusSeconds(5);
    pacer.awaitTurn(Duration.ofSeconds(3));

    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void a_zero_gap_never_waits() throws Exception {
    pacer.awaitTurn(Duration.ZERO);
    pacer.awaitTurn(Duration.ZERO);

    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void an_interrupt_while_waiting_is_an_interrupted_io_exception_and_keeps_the_flag() {
    Pacer interrupted =
        new Pacer(
            time,
            d -> {
              throw new InterruptedException();
            });
    try {
      assertThatThrownBy(
              () -> {
                interrupted.awaitTurn(Duration.ofSeconds(3));
                interrupted.awaitTurn(Duration.ofSeconds(3));
              })
          .isInstanceOf(InterruptedIOException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void the_monotonic_source_never_runs_backwards() {
    Instant a = Pacer.MONOTONIC.instant();
    Instant b = Pacer.MONOTONIC.instant();

    assertThat(b).isAfterOrEqualTo(a);
  }
}
