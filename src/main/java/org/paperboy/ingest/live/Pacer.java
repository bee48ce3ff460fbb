package org.paperboy.ingest.live;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Spaces requests apart. arXiv asks for no more than one request every three seconds from one
 * client, counted from the start of one request to the start of the next; one pacer is shared by
 * every arXiv source of the process so two specs on one command line do not double the rate.
 */
final class Pacer {
  private final InstantSource clock;
  private final Sleeper sleeper;
  private Instant lastStart;

  Pacer(InstantSource clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Waits until at least {@code gap} has passed since the previous request began, then notes now.
   */
  synchronized void awaitTurn(Duration gap) throws InterruptedIOException {
    if (lastStart != null && gap.isPositive()) {
      Duration since = Duration.between(lastStart, clock.instant());
      if (since.compareTo(gap) < 0) {
        sleeper.sleepOrAbort(gap.minus(since));
      }
    }
    lastStart = clock.instant();
  }
}
