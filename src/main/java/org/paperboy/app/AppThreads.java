package org.paperboy.app;

import static org.paperboy.DaemonThreads.named;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.paperboy.BatchWorkers;
import org.paperboy.search.SearchThreads;

/**
 * The app's worker threads, made in one place and handed to the services that run on them. All are
 * daemons, so a process that fails to close cannot hang on them; a pool starts its threads on first
 * use. (The web server's threads are its own.)
 */
final class AppThreads implements AutoCloseable {
  final int indexThreads = BatchWorkers.cpuThreads();

  /** Analysis of papers being indexed: one thread per core. */
  final ExecutorService indexing =
      Executors.newFixedThreadPool(indexThreads, named("paperboy-index-"));

  /** The search index's timed commits, or its refreshes when another process writes it. */
  final ScheduledExecutorService searchRefresh =
      Executors.newSingleThreadScheduledExecutor(named("paperboy-search-refresh"));

  /** Ingest's store writes: one thread, so batches are stored in the order they were read. */
  final ExecutorService ingestWriter =
      Executors.newSingleThreadExecutor(named("paperboy-ingest-writer"));

  /** serve's background embedder: lowest priority, since serving pages comes first. */
  final ExecutorService embedder =
      Executors.newSingleThreadExecutor(named("paperboy-embedder", Thread.MIN_PRIORITY));

  /** serve's digest runs, one a minute; a stopped schedule leaves nothing queued. */
  final ScheduledThreadPoolExecutor digestScheduler =
      new ScheduledThreadPoolExecutor(1, named("paperboy-digest-scheduler"));

  {
    digestScheduler.setRemoveOnCancelPolicy(true);
  }

  /** Scoring blocks of digest readers on vectors: one thread per core. */
  final ExecutorService digestPlanning =
      Executors.newFixedThreadPool(indexThreads, named("paperboy-digest-planning-"));

  SearchThreads search() {
    return new SearchThreads(indexing, indexThreads, searchRefresh);
  }

  /**
   * Lets the work under way end, then ends the threads. Never interrupts: an interrupt inside H2's
   * or Lucene's file I/O would close their files under everyone. (The embedder is stopped by its
   * {@code VectorBackfill}, and the digest's schedule by its {@code DigestService}, before this
   * runs.)
   */
  @Override
  public void close() {
    List<ExecutorService> all =
        List.of(digestScheduler, digestPlanning, embedder, ingestWriter, indexing, searchRefresh);
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
}
