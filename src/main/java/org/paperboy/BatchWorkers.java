package org.paperboy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs batches of work on a few named threads while the caller prepares the next ones: at most one
 * batch per thread waits in memory besides those being worked on, so memory stays flat. The first
 * failure is thrown to the caller, at its next {@link #submit} or at {@link #finish}, once the
 * batches under way have ended. One job at a time: {@link #finish} waits for every batch submitted
 * so far. With one thread, batches run in the order submitted (ingest's store writes).
 */
public final class BatchWorkers implements AutoCloseable {
  private final String job;
  private final ExecutorService pool;
  private final Semaphore slots;
  private final Deque<Future<?>> pending = new ArrayDeque<>();

  /**
   * Workers on {@code pool} of {@code threads} threads, which stays its owner's (the app's {@code
   * AppThreads}): {@link #close} only waits for the batches submitted here. {@code job} names the
   * work in errors ("ingest interrupted").
   */
  public BatchWorkers(String job, ExecutorService pool, int threads) {
    this.job = job;
    this.pool = pool;
    this.slots = new Semaphore(2 * threads);
  }

  /** Threads worth running on this machine for CPU-bound work, at least one. */
  public static int cpuThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  public void submit(Runnable batch) {
    while (!pending.isEmpty() && pending.peek().isDone()) {
      RuntimeException failure = failure(pending.poll());
      if (failure != null) {
        drain(); // nothing of this job may run on into the next one
        throw failure;
      }
    }
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PaperboyException(job + " interrupted", e);
    }
    pending.add(
        pool.submit(
            () -> {
              try {
                batch.run();
              } finally {
                slots.release();
              }
            }));
  }

  /** Waits for every batch submitted; throws the first failure once all have ended. */
  public void finish() {
    RuntimeException first = drain();
    if (first != null) throw first;
  }

  private RuntimeException drain() {
    RuntimeException first = null;
    while (!pending.isEmpty()) {
      RuntimeException failure = failure(pending.poll());
      if (first == null) first = failure;
    }
    return first;
  }

  /** Waits for {@code f}; its failure, or null. */
  private RuntimeException failure(Future<?> f) {
    try {
      f.get();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PaperboyException(job + " interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) return r;
      return new PaperboyException(job + " failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Lets the batches under way end; the pool's owner ends its threads. Never interrupts: an
   * interrupt inside H2's or Lucene's file I/O would close their files under everyone.
   */
  @Override
  public void close() {
    drain();
  }
}
