package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
  void keeping_nothing_computes_every_time() {
    Kept<String> none = new Kept<>(0, version::get);

    none.get("a", this::compute);
    none.get("a", this::compute);

    assertThat(computed).hasValue(2);
  }
}
