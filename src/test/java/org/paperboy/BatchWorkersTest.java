package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchWorkersTest {
  @Test
  void every_batch_runs_before_finish_returns() {
    try (BatchWorkers workers = new BatchWorkers("test", "test", 2)) {
      AtomicInteger done = new AtomicInteger();
      for (int i = 0; i < 50; i++) workers.submit(done::incrementAndGet);
      workers.finish();
      assertThat(done).hasValue(50);
    }
  }

  @Test
  void a_failure_reaches_finish_once_the_job_ended_and_does_not_leak_into_the_next() {
    try (BatchWorkers workers = new BatchWorkers("test", "test", 2)) {
      AtomicInteger done = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        workers.submit(
            () -> {
              sleep(20);
              done.incrementAndGet();
            });
      }
      workers.submit(
          () -> {
            throw new IllegalStateException("batch 3 failed");
          });
      assertThatThrownBy(workers::finish)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("batch 3 failed");
      assertThat(done).hasValue(3);

      workers.submit(done::incrementAndGet);
      workers.finish();
      assertThat(done).hasValue(4);
    }
  }

  @Test
  void a_failure_seen_at_the_next_submit_stops_the_job_there() {
    try (BatchWorkers workers = new BatchWorkers("test", "test", 2)) {
      workers.submit(
          () -> {
            throw new IllegalStateException("batch 0 failed");
          });
      sleep(100);
      assertThatThrownBy(() -> workers.submit(() -> {})).hasMessage("batch 0 failed");
      workers.finish(); // nothing left of the failed job
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
