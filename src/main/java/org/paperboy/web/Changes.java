package org.paperboy.web;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.paperboy.rank.Votes;

/**
 * Counts the changes to what pages show, for {@link Kept}: every ingest batch stored by this
 * process, and every vote. A kept page part remembers the count it was built at and is rebuilt once
 * the count has moved, so a vote or an ingest shows on the very next request. The count also
 * follows the search index: papers another process or node stored show once this process's index
 * has applied them (within about a second), not only after an ingest of this process.
 *
 * <p>Whoever wires the server tells it of stored batches ({@link #stored()}, through {@link
 * WebServer#storeChanged()}), after the search index has taken them in: a page rebuilt once the
 * count moved must find the new papers.
 */
final class Changes {
  private final AtomicLong store = new AtomicLong();
  private final Votes votes;
  private final LongSupplier index;
  private final boolean keep;
  private final Clock clock;

  /** {@code keep} false keeps nothing: every request computes its page (to measure that cost). */
  Changes(Votes votes, LongSupplier index, boolean keep, Clock clock) {
    this.votes = votes;
    this.index = index;
    this.keep = keep;
    this.clock = clock;
  }

  /** An ingest batch was committed to the store. */
  void stored() {
    store.incrementAndGet();
  }

  /**
   * A place to keep up to {@code max} shared answers until the store changes, or also until a vote
   * when {@code votes} (they show vote counts).
   */
  <V> Kept<V> kept(int max, boolean votes) {
    return new Kept<>(keep ? max : 0, votes ? this::storeAndVotes : this::store, clock);
  }

  /** Moves when papers (or the search index built from them) change. */
  long store() {
    return store.get() + index.getAsLong();
  }

  /** Moves when papers or votes change; the two counts packed in one long. */
  long storeAndVotes() {
    return (store() << 40) ^ votes.version();
  }
}
