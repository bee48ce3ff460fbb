package org.paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchWorkersTest {
  @Test
  void every_batch_runs_before_finish_returns() {
    try (ExecutorService pool = Executors.newFixedThreadPool(2);
        BatchWorkers workers = new BatchWorkers("test", pool, 2)) {
      AtomicInteger done = new AtomicInteger();
      for (int i = 0; i < 50; i++) workers.submit(done::incrementAndGet);
      workers.finish();
      assertThat(done).hasValue(50);
    }
  }

  @Test
  void a_failure_reaches_finish_once_the_job_ended_and_does_not_leak_into_the_next() {
    // Four threads, so the failing batch runs while the three before it are still under way: they
    // wait until it has failed, and finish must still wait for them.
    try (ExecutorService pool = Executors.newFixedThreadPool(4);
        BatchWorkers workers = new BatchWorkers("test", pool, 4)) {
      AtomicInteger done = new AtomicInteger();
      CountDownLatch failed = new CountDownLatch(1);
      for (int i = 0; i < 3; i++) {
        workers.submit(
            () -> {
              await(failed);
              done.incrementAndGet();
            });
      }
      workers.submit(
          () -> {
            failed.countDown();
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
    // One thread: the second batch starts only once the first has ended, so when it has run the
    // failure is there to be seen by the next submit. The first waits until both are submitted,
    // else the second submit could already see it fail.
    try (ExecutorService pool = Executors.newFixedThreadPool(1);
        BatchWorkers workers = new BatchWorkers("test", pool, 1)) {
      CountDownLatch submitted = new CountDownLatch(1);
      CountDownLatch firstEnded = new CountDownLatch(1);
      workers.submit(
          () -> {
            await(submitted);
            throw new IllegalStateException("batch 0 failed");
          });
      workers.submit(firstEnded::countDown);
      submitted.countDown();
      await(firstEnded);
      assertThatThrownBy(() -> workers.submit(() -> {})).hasMessage("batch 0 failed");
      workers.finish(); // nothing left of the failed job
    }
  }

  /** Waits for the latch; the bound only keeps a broken test from hanging the build. */
  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("latch released").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
