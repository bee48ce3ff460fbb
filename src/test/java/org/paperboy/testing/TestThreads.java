package org.paperboy.testing;

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
 * The threads a test or a benchmark hands to a service it builds without the app (the app's own are
 * made in {@code AppThreads}): indexing, the index's refreshes and ingest's writer, as many as
 * production has. Close it after the services that use it.
 */
public final class TestThreads implements AutoCloseable {
  private final int indexThreads = BatchWorkers.cpuThreads();
  private final ExecutorService indexing =
      Executors.newFixedThreadPool(indexThreads, daemons("test-index"));
  private final ExecutorService ingestWriter =
      Executors.newSingleThreadExecutor(daemons("test-ingest-writer"));
  private final ScheduledExecutorService refresh =
      Executors.newSingleThreadScheduledExecutor(daemons("test-search-refresh"));

  /** Daemons, so a test that forgets to close cannot keep the JVM up. */
  private static ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public SearchThreads search() {
    return new SearchThreads(indexing, indexThreads, refresh);
  }

  public ExecutorService ingestWriter() {
    return ingestWriter;
  }

  /** Lets the work under way end, then ends the threads. */
  @Override
  public void close() {
    List<ExecutorService> all = List.of(indexing, ingestWriter, refresh);
    all.forEach(ExecutorService::shutdown);
    try {
      for (ExecutorService e : all) e.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
