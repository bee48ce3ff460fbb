package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class KeptTest {
  private final AtomicLong version = new AtomicLong();
  private final AtomicInteger computed = new AtomicInteger();

  private String compute() {
    return "v" + computed.incrementAndGet();
  }

  @Test
  void keeps_an_answer_until_the_count_moves() {
    Kept<String> kept = new Kept<>(10, version::get);

    assertThat(kept.get("a", this::compute)).isEqualTo("v1");
    assertThat(kept.get("a", this::compute)).isEqualTo("v1");
    version.incrementAndGet();
    assertThat(kept.get("a", this::compute)).isEqualTo("v2");
    assertThat(computed).hasValue(2);
  }

  @Test
  void a_change_during_the_computation_leaves_the_answer_stale() {
    Kept<String> kept = new Kept<>(10, version::get);

    kept.get(
        "a",
        () -> {
          version.incrementAndGet(); // an ingest lands while the page is being built
          return compute();
        });

    assertThat(kept.get("a", this::compute)).isEqualTo("v2");
  }

  @Test
  void answers_expire_and_the_least_recently_used_go_first() throws InterruptedException {
    Kept<String> brief = new Kept<>(10, version::get, Duration.ofMillis(1));
    brief.get("a", this::compute);
    Thread.sleep(5);
    assertThat(brief.get("a", this::compute)).isEqualTo("v2");

    Kept<String> small = new Kept<>(2, version::get);
    small.get("a", this::compute); // v3
    small.get("b", this::compute); // v4
    small.get("a", this::compute); // kept; b is now the eldest
    small.get("c", this::compute); // v5, pushes b out
    assertThat(small.get("a", this::compute)).isEqualTo("v3");
    assertThat(small.get("b", this::compute)).isEqualTo("v6");
  }

  @Test
  void requests_arriving_during_a_rebuild_wait_for_it_instead_of_rebuilding() throws Exception {
    Kept<String> kept = new Kept<>(10, version::get);
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
    try (var pool = Executors.newFixedThreadPool(4)) {
      var first = pool.submit(() -> kept.get("k", slow));
      started.await();
      List<Future<String>> others = new ArrayList<>();
      for (int i = 0; i < 3; i++) others.add(pool.submit(() -> kept.get("k", slow)));
      Thread.sleep(100); // let them reach the wait
      release.countDown();
      assertThat(first.get()).isEqualTo("page");
      for (var f : others) assertThat(f.get()).isEqualTo("page");
    }
    assertThat(rebuilds).hasValue(1);
  }

  @Test
  void a_failed_rebuild_fails_its_waiters_too_and_the_next_request_tries_again() {
    Kept<String> kept = new Kept<>(10, version::get);
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
    Kept<String> none = new Kept<>(0, version::get);

    none.get("a", this::compute);
    none.get("a", this::compute);

    assertThat(computed).hasValue(2);
  }
}
