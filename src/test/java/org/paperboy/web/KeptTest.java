package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.paperboy.testing.MovableClock;

class KeptTest {
  private final AtomicLong version = new AtomicLong();
  private final AtomicInteger computed = new AtomicInteger();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-06-12T08:00:00Z"));

  private String compute() {
    return "v" + computed.incrementAndGet();
  }

  @Test
  void keeps_an_answer_until_the_count_moves() {
    Kept<String> kept = new Kept<>(10, version::get, clock);

    assertThat(kept.get("a", this::compute)).isEqualTo("v1");
    assertThat(kept.get("a", this::compute)).isEqualTo("v1");
    version.incrementAndGet();
    assertThat(kept.get("a", this::compute)).isEqualTo("v2");
    assertThat(computed).hasValue(2);
  }

  @Test
  void a_change_during_the_computation_leaves_the_answer_stale() {
    Kept<String> kept = new Kept<>(10, version::get, clock);

    kept.get(
        "a",
        () -> {
          version.incrementAndGet(); // an ingest lands while the page is being built
          return compute();
        });

    assertThat(kept.get("a", this::compute)).isEqualTo("v2");
  }

  @Test
  void answers_expire_and_the_least_recently_used_go_first() {
    Kept<String> brief = new Kept<>(10, version::get, clock);
    brief.get("a", this::compute);
    clock.advance(Kept.TTL.minusMillis(1));
    assertThat(brief.get("a", this::compute)).isEqualTo("v1");
    clock.advance(Duration.ofMillis(1));
    assertThat(brief.get("a", this::compute)).isEqualTo("v2");

    Kept<String> small = new Kept<>(2, version::get, clock);
    small.get("a", this::compute); // v3
    small.get("b", this::compute); // v4
    small.get("a", this::compute); // kept; b is now the eldest
    small.get("c", this::compute); // v5, pushes b out
    assertThat(small.get("a", this::compute)).isEqualTo("v3");
    assertThat(small.get("b", this::compute)).isEqualTo("v6");
  }

  @Test
  void requests_arriving_during_a_rebuild_wait_for_it_instead_of_rebuilding() throws Exception {
    Kept<String> kept = new Kept<>(10, version::get, clock);
    AtomicInteger rebuilds = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Supplier<String> slow =
        () -> {
          rebuilds.incrementAndGet();
          started.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "page";
        };
    try (var pool = Executors.newFixedThreadPool(1)) {
      var first = pool.submit(() -> kept.get("k", slow));
      started.await();
      List<Future<String>> others = new ArrayList<>();
      List<Thread> waiters = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        var other = new FutureTask<>(() -> kept.get("k", slow));
        Thread t = new Thread(other, "waiter-" + i);
        t.start();
        others.add(other);
        waiters.add(t);
      }
      try {
        for (Thread t : waiters) awaitWaitingForTheRebuild(t);
      } finally {
        release.countDown(); // also when a waiter went astray, so that the pool can close
      }
      assertThat(first.get()).isEqualTo("page");
      for (var f : others) assertThat(f.get()).isEqualTo("page");
    }
    assertThat(rebuilds).hasValue(1);
  }

  /**
   * Until {@code t} is in Kept's wait for another request's computation, that is, it arrived during
   * the rebuild and chose to wait for it: all three must have before the rebuild may finish.
   */
  private static void awaitWaitingForTheRebuild(Thread t) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!inKeptJoin(t.getStackTrace())) {
      if (!t.isAlive() || System.nanoTime() > deadline)
        throw new AssertionError(t.getName() + " never waited for the rebuild");
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private static boolean inKeptJoin(StackTraceElement[] stack) {
    for (StackTraceElement e : stack)
      if (e.getClassName().equals(Kept.class.getName()) && e.getMethodName().equals("join"))
        return true;
    return false;
  }

  @Test
  void a_failed_rebuild_fails_its_waiters_too_and_the_next_request_tries_again() {
    Kept<String> kept = new Kept<>(10, version::get, clock);
    assertThatThrownBy(
            () ->
                kept.get(
                    "k",
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(kept.get("k", () -> "fine")).isEqualTo("fine");
  }

  @Test
  void keeping_nothing_computes_every_time() {
    Kept<String> none = new Kept<>(0, version::get, clock);

    none.get("a", this::compute);
    none.get("a", this::compute);

    assertThat(computed).hasValue(2);
  }
}
