package org.paperboy.web;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Page parts and answers that every visitor shares, kept by key until a {@link Changes} count moves
 * or {@link #TTL} passes. The count covers this process's ingests and votes; the TTL bounds what an
 * ingest by another process (a cron {@code paperboy ingest} next to {@code serve}) leaves stale, as
 * the store's own calendar does. The least recently used entries go beyond {@code max}. Time comes
 * from the clock it is given, so a test moves it instead of waiting.
 */
final class Kept<V> {
  static final Duration TTL = Duration.ofSeconds(60);

  private record Slot<V>(V value, long version, long bornMillis) {}

  private record Flight<V>(CompletableFuture<V> result, long version) {}

  private final LongSupplier version;
  private final boolean keepsNothing;
  private final Clock clock;
  private final long ttlMillis;
  private final Map<String, Slot<V>> entries;
  private final Map<String, Flight<V>> inFlight = new HashMap<>(); // guarded by entries

  Kept(int max, LongSupplier version, Clock clock) {
    this.keepsNothing = max == 0;
    this.version = version;
    this.clock = clock;
    this.ttlMillis = TTL.toMillis();
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Slot<V>> eldest) {
            return size() > max;
          }
        };
  }

  V get(String key, Supplier<V> compute) {
    if (keepsNothing) return compute.get(); // measuring without keeping: not even shared in flight
    // The count is read before computing: a change during the computation leaves the entry already
    // stale, so it is rebuilt on the next request rather than kept with the old content.
    long v = version.getAsLong();
    long now = clock.millis();
    Flight<V> flight;
    boolean mine = false;
    synchronized (entries) {
      Slot<V> e = entries.get(key);
      if (e != null && e.version() == v && now - e.bornMillis() < ttlMillis) return e.value();
      // One computation per key and count: when a kept page expires under load, the requests
      // that arrive while it is rebuilt wait for that one instead of each rebuilding it.
      flight = inFlight.get(key);
      if (flight == null || flight.version() != v) {
        flight = new Flight<>(new CompletableFuture<>(), v);
        inFlight.put(key, flight);
        mine = true;
      }
    }
    if (!mine) return join(flight.result());
    try {
      V value = compute.get(); // outside the lock: a slow search must not hold up the kept answers
      synchronized (entries) {
        entries.put(key, new Slot<>(value, v, now));
      }
      flight.result().complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      flight.result().completeExceptionally(e);
      throw e;
    } finally {
      synchronized (entries) {
        inFlight.remove(key, flight);
      }
    }
  }

  /** The waiter sees what the computing request saw, a bad-input error included. */
  private static <V> V join(CompletableFuture<V> result) {
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error r) throw r;
      throw e;
    }
  }
}
