package org.paperboy.time;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Spaces turns apart, counted from the start of one turn to the start of the next. arXiv asks for
 * no more than one request every three seconds from one client (one pacer is shared by every arXiv
 * source of the process so two specs on one command line do not double the rate); the SMTP mailer
 * keeps to its messages-per-second limit with another.
 */
public final class Pacer {
  /**
   * {@link System#nanoTime()} as an instant source: spacing measured on it survives the wall clock
   * being set back or forward. Only differences between its instants mean anything.
   */
  public static final InstantSource MONOTONIC = () -> Instant.EPOCH.plusNanos(System.nanoTime());

  private final InstantSource clock;
  private final Sleeper sleeper;
  private Instant lastStart;

  public Pacer(InstantSource clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Waits until at least {@code gap} has passed since the previous turn began, then notes now. A
   * zero or negative gap never waits.
   */
  public synchronized void awaitTurn(Duration gap) throws InterruptedIOException {
    if (lastStart != null && gap.isPositive()) {
      Duration since = Duration.between(lastStart, clock.instant());
      if (since.compareTo(gap) < 0) {
        sleeper.sleepOrAbort(gap.minus(since));
      }
    }
    lastStart = clock.instant();
  }
}
