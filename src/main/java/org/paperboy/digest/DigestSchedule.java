package org.paperboy.digest;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s schedule: a digest run every minute on the scheduler thread it is given, until
 * stopped. A failed run is logged and the next one comes as planned.
 */
final class DigestSchedule {
  private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);
  private final ScheduledExecutorService scheduler;
  private final Supplier<RunReport> run;
  private ScheduledFuture<?> future;

  DigestSchedule(ScheduledExecutorService scheduler, Supplier<RunReport> run) {
    this.scheduler = scheduler;
    this.run = run;
  }

  /** Starts the runs ({@code first} from now, then {@code every} after each ends); once only. */
  synchronized void start(Duration first, Duration every) {
    if (future != null) return;
    future =
        scheduler.scheduleWithFixedDelay(
            this::once, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** No run starts after this; one in progress goes on to its end. */
  synchronized void stop() {
    if (future != null) future.cancel(false);
    future = null;
  }

  private void once() {
    try {
      RunReport r = run.get();
      if (r.due() + r.sent() + r.retrying() + r.failed() > 0)
        log.info("digest run: {}", r.summary());
    } catch (RuntimeException e) {
      log.error("digest run failed; trying again in a minute", e); // keep the schedule alive
    }
  }
}
