package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler of {@code serve}: it sends when a reader's time comes, once, and stops on close.
 */
class SchedulerTest {
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;

  @Test
  void sends_once_when_the_local_time_comes_and_its_thread_stops_on_close() throws Exception {
    try (DigestWorld world =
        new DigestWorld(dir, Instant.parse("2026-11-26T05:00:00Z"), Map.of())) {
      DigestService digests = world.digests(world.smtp(smtp.getSmtp().getPort()));
      world.papers(DigestWorld.mllm(0, 40));
      digests.subscribe(
          SubscriptionForm.parse(
              "ada@example.org", List.of("multimodal"), false, "07:00", "Europe/Berlin", 5),
          true);

      digests.startScheduler(Duration.ZERO, Duration.ofMillis(200));
      Thread.sleep(800); // 06:00 in Berlin: not yet
      int early = smtp.getReceivedMessages().length;
      world.clock.set(Instant.parse("2026-11-26T06:00:00Z")); // 07:00 in Berlin
      boolean arrived = smtp.waitForIncomingEmail(10_000, 1);
      Thread.sleep(800); // more ticks: no second digest
      boolean running = threadAlive();
      digests.close();
      long until =
          System.nanoTime() + 2_000_000_000L; // the worker thread exits just after the pool ends
      while (threadAlive() && System.nanoTime() < until) Thread.sleep(20);

      assertThat(early).isZero();
      assertThat(arrived).isTrue();
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(running).isTrue();
      assertThat(threadAlive()).isFalse();
    }
  }

  private static boolean threadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("paperboy-digest-scheduler") && t.isAlive());
  }
}
