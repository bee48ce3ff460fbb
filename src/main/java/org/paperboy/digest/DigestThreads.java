package org.paperboy.digest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The digest's threads, made by the app's wiring and handed to {@link DigestService}: the scheduler
 * of {@code serve} (one thread, {@code paperboy-digest-scheduler}) and the planning pool that
 * scores blocks of readers on vectors (one thread per core, {@code paperboy-digest-planning-N}).
 * Closed by whoever made it, after the service.
 */
public final class DigestThreads implements AutoCloseable {
  private final ScheduledThreadPoolExecutor scheduler;
  private final ExecutorService planning;

  public DigestThreads() {
    scheduler = new ScheduledThreadPoolExecutor(1, named("paperboy-digest-scheduler", false));
    scheduler.setRemoveOnCancelPolicy(true); // a stopped schedule leaves nothing queued
    planning =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), named("paperboy-digest-planning-", true));
  }

  private static ThreadFactory named(String name, boolean numbered) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, numbered ? name + n.incrementAndGet() : name);
      t.setDaemon(true);
      return t;
    };
  }

  public ScheduledThreadPoolExecutor scheduler() {
    return scheduler;
  }

  public ExecutorService planning() {
    return planning;
  }

  /** Stops both pools, waiting up to 30 s for a run in progress. */
  @Override
  public void close() {
    scheduler.shutdown();
    planning.shutdown();
    try {
      if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) scheduler.shutdownNow();
      if (!planning.awaitTermination(30, TimeUnit.SECONDS)) planning.shutdownNow();
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      planning.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
