package org.paperboy.time;

import java.io.InterruptedIOException;
import java.time.Duration;

/** Waits. Injected so tests run in milliseconds while still checking how long we would wait. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = Thread::sleep;

  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps, turning an interrupt into the IOException that fetch callers already handle. */
  default void sleepOrAbort(Duration duration) throws InterruptedIOException {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting " + duration.toMillis() + " ms");
    }
  }
}
