package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
    DigestWorld world = new DigestWorld(dir, Instant.parse("2026-11-26T05:00:00Z"), Map.of());
    ScheduledThreadPoolExecutor scheduler;
    try (world) {
      DigestService digests = world.digests(world.smtp(smtp.getSmtp().getPort()));
      scheduler = world.threads.get(0).digestScheduler();
      world.papers(DigestWorld.mllm(0, 40));
      digests.subscribe(
          SubscriptionForm.parse(
              "ada@example.org", List.of("multimodal"), false, "07:00", "Europe/Berlin", 5),
          true);

      digests.startScheduler(Duration.ZERO, Duration.ofMillis(50));
      runs(scheduler, 3); // three runs at 06:00 in Berlin: not yet
      int early = smtp.getReceivedMessages().length;
      world.clock.set(Instant.parse("2026-11-26T06:00:00Z")); // 07:00 in Berlin
      boolean arrived = smtp.waitForIncomingEmail(10_000, 1);
      runs(scheduler, scheduler.getCompletedTaskCount() + 3); // more runs: no second digest
      boolean running = threadAlive();
      digests.close();

      assertThat(early).isZero();
      assertThat(arrived).isTrue();
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(running).isTrue();
      assertThat(scheduler.getQueue()).isEmpty(); // closed: nothing scheduled any more
    }
    // The world closes the threads it handed in; the worker exits just after its pool ends.
    assertThat(scheduler.isTerminated()).isTrue();
    for (Thread t : schedulerThreads()) t.join(2_000);
    assertThat(threadAlive()).isFalse();
  }

  /** Waits until the scheduler has completed {@code n} runs (each run is one task execution). */
  private static void runs(ScheduledThreadPoolExecutor scheduler, long n) throws Exception {
    long until = System.nanoTime() + 30_000_000_000L;
    while (scheduler.getCompletedTaskCount() < n && System.nanoTime() < until) Thread.sleep(10);
    assertThat(scheduler.getCompletedTaskCount()).isGreaterThanOrEqualTo(n);
  }

  private static boolean threadAlive() {
    return schedulerThreads().stream().anyMatch(Thread::isAlive);
  }

  private static List<Thread> schedulerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("test-digest-scheduler"))
        .toList();
  }
}
