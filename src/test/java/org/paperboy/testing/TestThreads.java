package org.paperboy.testing;

import static org.paperboy.DaemonThreads.named;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.paperboy.BatchWorkers;
import org.paperboy.DaemonThreads;
import org.paperboy.search.SearchThreads;

/**
 * The threads a test or a benchmark hands to a service it builds without the app (the app's own are
 * made in {@code AppThreads}, on the same {@link DaemonThreads}): indexing, the index's refreshes,
 * ingest's writer and the digest's scheduler and planning pool, as many as production has. Close it
 * after the services that use it.
 */
public final class TestThreads implements AutoCloseable {
  private final int indexThreads = BatchWorkers.cpuThreads();
  private final ExecutorService indexing =
      Executors.newFixedThreadPool(indexThreads, named("test-index-"));
  private final ExecutorService ingestWriter =
      Executors.newSingleThreadExecutor(named("test-ingest-writer"));
  private final ScheduledExecutorService refresh =
      Executors.newSingleThreadScheduledExecutor(named("test-search-refresh"));

  private final ScheduledThreadPoolExecutor digestScheduler =
      new ScheduledThreadPoolExecutor(1, named("test-digest-scheduler"));
  private final ExecutorService digestPlanning =
      Executors.newFixedThreadPool(indexThreads, named("test-digest-planning-"));

  {
    digestScheduler.setRemoveOnCancelPolicy(
        true); // as the app's: a stopped schedule leaves nothing
  }

  public SearchThreads search() {
    return new SearchThreads(indexing, indexThreads, refresh);
  }

  public ExecutorService ingestWriter() {
    return ingestWriter;
  }

  public ScheduledThreadPoolExecutor digestScheduler() {
    return digestScheduler;
  }

  public ExecutorService digestPlanning() {
    return digestPlanning;
  }

  /** Lets the work under way end, then ends the threads. */
  @Override
  public void close() {
    List<ExecutorService> all =
        List.of(digestScheduler, digestPlanning, indexing, ingestWriter, refresh);
    all.forEach(ExecutorService::shutdown);
    try {
      for (ExecutorService e : all) e.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
