package org.paperboy.app;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.paperboy.BatchWorkers;
import org.paperboy.search.SearchThreads;

/**
 * The app's worker threads, made in one place and handed to the services that run on them. All are
 * daemons, so a process that fails to close cannot hang on them; a pool starts its threads on first
 * use. (The web server's and the digest's threads are their owners'.)
 */
final class AppThreads implements AutoCloseable {
  final int indexThreads = BatchWorkers.cpuThreads();

  /** Analysis of papers being indexed: one thread per core. */
  final ExecutorService indexing =
      Executors.newFixedThreadPool(indexThreads, named("paperboy-index-", Thread.NORM_PRIORITY));

  /** The search index's timed commits, or its refreshes when another process writes it. */
  final ScheduledExecutorService searchRefresh =
      Executors.newSingleThreadScheduledExecutor(
          named("paperboy-search-refresh", Thread.NORM_PRIORITY));

  /** Ingest's store writes: one thread, so batches are stored in the order they were read. */
  final ExecutorService ingestWriter =
      Executors.newSingleThreadExecutor(named("paperboy-ingest-writer", Thread.NORM_PRIORITY));

  /** serve's background embedder: lowest priority, since serving pages comes first. */
  final ExecutorService embedder =
      Executors.newSingleThreadExecutor(named("paperboy-embedder", Thread.MIN_PRIORITY));

  SearchThreads search() {
    return new SearchThreads(indexing, indexThreads, searchRefresh);
  }

  /**
   * Lets the work under way end, then ends the threads. Never interrupts: an interrupt inside H2's
   * or Lucene's file I/O would close their files under everyone. (The embedder is stopped by its
   * {@code VectorBackfill} before this runs.)
   */
  @Override
  public void close() {
    List<ExecutorService> all = List.of(embedder, ingestWriter, indexing, searchRefresh);
    all.forEach(ExecutorService::shutdown);
    try {
      for (ExecutorService e : all) {
        while (!e.awaitTermination(1, TimeUnit.MINUTES)) {
          // a batch of at most a thousand papers, or a commit; keep waiting rather than cut it
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Threads named {@code name}, or {@code name1}, {@code name2}... when it ends in a dash. */
  private static ThreadFactory named(String name, int priority) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name.endsWith("-") ? name + n.incrementAndGet() : name);
      t.setDaemon(true);
      t.setPriority(priority);
      return t;
    };
  }
}
