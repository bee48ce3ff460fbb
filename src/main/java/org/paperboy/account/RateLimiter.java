package org.paperboy.account;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} events per key in a fixed window. In memory on purpose: a restart forgetting
 * the counts is harmless, and the limits only need to stop a script from mailing someone a flood.
 * Sign-in links and digest confirmation mails both use it.
 */
public final class RateLimiter {
  private final int max;
  private final long windowMillis;
  private final Clock clock;
  private final ConcurrentHashMap<String, long[]> counts = new ConcurrentHashMap<>();

  public RateLimiter(int max, Duration window, Clock clock) {
    this.max = max;
    this.windowMillis = window.toMillis();
    this.clock = clock;
  }

  /** Counts one event for {@code key}; false when the key is over its limit. */
  public boolean tryAcquire(String key) {
    long now = clock.millis();
    if (counts.size() > 100_000) counts.values().removeIf(c -> now - c[0] >= windowMillis);
    long[] c =
        counts.compute(
            key,
            (k, old) -> {
              if (old == null || now - old[0] >= windowMillis) return new long[] {now, 1};
              old[1]++;
              return old;
            });
    return c[1] <= max;
  }
}
