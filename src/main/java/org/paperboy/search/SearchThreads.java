package org.paperboy.search;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads search runs on, owned by whoever made them (the app): they outlive a {@link
 * SearchService} and are shut down by their owner.
 *
 * @param indexing analysis of the papers being indexed, {@code indexThreads} threads
 * @param refresh the index's timed commits (or, read-only, its refreshes)
 */
public record SearchThreads(
    ExecutorService indexing, int indexThreads, ScheduledExecutorService refresh) {
  public SearchThreads {
    requireNonNull(indexing, "indexing");
    requireNonNull(refresh, "refresh");
    if (indexThreads < 1) throw new IllegalArgumentException("indexThreads " + indexThreads);
  }
}
