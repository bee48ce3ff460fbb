package org.paperboy.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Page parts and answers that every visitor shares, kept by key until a {@link Changes} count moves
 * or {@link #TTL} passes. The count covers this process's ingests and votes; the TTL bounds what an
 * ingest by another process (a cron {@code paperboy ingest} next to {@code serve}) leaves stale, as
 * the store's own calendar does. The least recently used entries go beyond {@code max}.
 */
final class Kept<V> {
  static final Duration TTL = Duration.ofSeconds(60);

  private record Slot<V>(V value, long version, long bornNanos) {}

  private final LongSupplier version;
  private final long ttlNanos;
  private final Map<String, Slot<V>> entries;

  Kept(int max, LongSupplier version) {
    this(max, version, TTL);
  }

  Kept(int max, LongSupplier version, Duration ttl) {
    this.version = version;
    this.ttlNanos = ttl.toNanos();
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Slot<V>> eldest) {
            return size() > max;
          }
        };
  }

  V get(String key, Supplier<V> compute) {
    // The count is read before computing: a change during the computation leaves the entry already
    // stale, so it is rebuilt on the next request rather than kept with the old content.
    long v = version.getAsLong();
    long now = System.nanoTime();
    synchronized (entries) {
      Slot<V> e = entries.get(key);
      if (e != null && e.version() == v && now - e.bornNanos() < ttlNanos) return e.value();
    }
    V value = compute.get(); // outside the lock: a slow search must not hold up the kept answers
    synchronized (entries) {
      entries.put(key, new Slot<>(value, v, now));
    }
    return value;
  }
}
