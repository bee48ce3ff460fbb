package org.paperboy.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.paperboy.paper.Paper;
import org.paperboy.search.AcronymMiner.Definition;
import org.paperboy.store.PaperChange;
import org.paperboy.store.PaperChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index following the store's change sequence ({@link PaperChanges}): on open it rebuilds
 * an index it cannot use and catches up from the sequence the last commit recorded; then, every
 * second on the timer it is given, it applies what changed and commits every {@value
 * #COMMIT_SECONDS} s. Only the holder of the index's lock does this; a read-only index only
 * refreshes to the holder's commits. One lock (this object) keeps changes and commits apart.
 *
 * <p>Gaps: transactions commit their sequence numbers out of order, so a change with a lower number
 * than one applied may still arrive. A missing number is looked up again on each poll for {@value
 * #GAP_SECONDS} s (after that it is taken for a rolled-back transaction or a row updated since);
 * the sequence committed as applied stays below the lowest open gap, so a restart re-reads it.
 * Applying a change twice is harmless: papers are upserted and removed by id.
 */
final class IndexFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
  static final int COMMIT_SECONDS = 5;
  static final int GAP_SECONDS = 10;
  private static final int READ = 1_000;
  private static final int PART = 256;
  private static final int MAX_GAPS = 10_000;

  private final PaperIndex index;
  private final PaperChanges changes;
  private final PaperIndexing indexing;
  private final ScheduledExecutorService timer;
  private final LongSupplier nanos;

  private long high; // the highest sequence applied
  // Moves with every batch made searchable, whoever stored it: pages kept by a web server must
  // move with it, not only with this process's ingests, or another node's papers never show.
  private final AtomicLong applied = new AtomicLong();
  private final TreeMap<Long, Long> gaps = new TreeMap<>(); // missing sequence -> when first missed
  private boolean uncommitted;
  private long lastCommit;
  private ScheduledFuture<?> ticking;
  private boolean closed;

  /** {@code timer} null: no background following (evaluation, tests call {@link #catchUp}). */
  IndexFollower(
      PaperIndex index,
      PaperChanges changes,
      PaperIndexing indexing,
      ScheduledExecutorService timer,
      LongSupplier nanos) {
    this.index = index;
    this.changes = changes;
    this.indexing = indexing;
    this.timer = timer;
    this.nanos = nanos;
    this.lastCommit = nanos.getAsLong();
    index.openWith(this::open);
  }

  /** Opens the index (on its first use): rebuilds if needed, catches up, starts following. */
  synchronized void open() {
    if (index.isOpen()) return;
    if (closed) throw new IllegalStateException("the index follower is closed");
    index.openNow();
    high = index.appliedSeq();
    if (!index.readOnly()) {
      if (index.needsRebuild()) rebuild();
      catchUp();
    }
    if (timer != null) {
      ticking = timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }
  }

  private void tick() {
    try {
      synchronized (this) {
        if (closed) return;
        if (index.readOnly()) {
          index.refreshQuietly();
          return;
        }
        catchUp();
        if (uncommitted
            && nanos.getAsLong() - lastCommit >= TimeUnit.SECONDS.toNanos(COMMIT_SECONDS)) {
          commitNow();
        }
      }
    } catch (RuntimeException e) {
      // One line: the stack traces of a full disk buried what to do (debug logging has them).
      log.warn(
          "following the store into the search index failed ({}); retrying in a second",
          rootCause(e));
      log.debug("following the store into the search index failed", e);
    }
  }

  /**
   * Applies every change committed to the store since the last call (none on a read-only index);
   * returns how many. Searchable when this returns.
   */
  synchronized int catchUp() {
    if (!index.isOpen()) {
      open();
      return 0;
    }
    if (index.readOnly()) return 0;
    int done = 0;
    List<PaperChange> batch;
    do {
      batch = changes.since(high, READ);
      for (PaperChange c : batch) {
        noteGapsBelow(c.seq());
        high = Math.max(high, c.seq());
      }
      done += apply(batch);
    } while (batch.size() == READ);
    return done + fillGaps();
  }

  private void noteGapsBelow(long seq) {
    long now = nanos.getAsLong();
    for (long s = high + 1; s < seq && gaps.size() < MAX_GAPS; s++) gaps.put(s, now);
  }

  private int fillGaps() {
    if (gaps.isEmpty()) return 0;
    long expired = nanos.getAsLong() - TimeUnit.SECONDS.toNanos(GAP_SECONDS);
    gaps.values().removeIf(since -> since < expired);
    List<PaperChange> found = new ArrayList<>();
    List<Long> open = List.copyOf(gaps.keySet());
    for (int i = 0; i < open.size(); i += READ) {
      found.addAll(changes.at(open.subList(i, Math.min(open.size(), i + READ))));
    }
    found.forEach(c -> gaps.remove(c.seq()));
    return apply(found);
  }

  /** The sequence up to which the index holds every change: below the lowest open gap. */
  synchronized long cursor() {
    return gaps.isEmpty() ? high : Math.min(high, gaps.firstKey() - 1);
  }

  /** Upserts the papers, removes the removed (the last change of each id in the batch wins). */
  private int apply(List<PaperChange> batch) {
    if (batch.isEmpty()) return 0;
    Map<String, PaperChange> last = new LinkedHashMap<>();
    for (PaperChange c : batch) last.put(c.id(), c);
    List<Paper> upserts = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (PaperChange c : last.values()) {
      if (c.removed()) removed.add(c.id());
      else upserts.add(c.paper());
    }
    indexing.upsert(upserts, PART);
    indexing.remove(removed);
    uncommitted = true;
    applied.incrementAndGet();
    return batch.size();
  }

  /** How many batches of changes were made searchable here so far; grows with each. */
  long applied() {
    return applied.get();
  }

  private void commitNow() {
    index.commit(cursor());
    uncommitted = false;
    lastCommit = nanos.getAsLong();
  }

  /** Rebuilds the index from the store; returns the number of papers. */
  synchronized long rebuild() {
    if (!index.isOpen()) open(); // may rebuild already; the caller asked for one anyway
    if (index.readOnly()) {
      throw new org.paperboy.PaperboyException(
          "cannot rebuild the search index: another paperboy process (e.g. serve) holds it;"
              + " stop it and run reindex, or restart it (it rebuilds an index it cannot use)");
    }
    // Everything up to the latest committed change is in what the rebuild reads.
    long seq = changes.latest();
    long n = indexing.rebuild(PART);
    high = Math.max(seq, 0);
    gaps.clear();
    applied.incrementAndGet();
    commitNow();
    return n;
  }

  /** Embeds up to {@code max} papers without a vector; see {@link PaperIndexing#embedMissing}. */
  int embedMissing(int max) {
    if (!index.isOpen()) open();
    if (index.readOnly()) return 0;
    int n = indexing.embedMissing(max, this);
    if (n > 0) {
      synchronized (this) {
        uncommitted = true;
      }
    }
    return n;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (ticking != null) ticking.cancel(false);
      try {
        if (index.isOpen() && !index.readOnly() && uncommitted) commitNow();
      } catch (RuntimeException e) {
        log.warn(
            "committing the search index failed ({}); the next start re-applies the changes",
            rootCause(e));
        log.debug("committing the search index failed", e);
      }
    }
    index.close();
  }

  static Map<String, Set<Definition>> noDefinitions(List<String> ids) {
    return ids.stream().collect(Collectors.toMap(id -> id, id -> Set.of(), (a, b) -> a));
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root;
  }
}
