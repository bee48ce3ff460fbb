package org.paperboy.search;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds, in the background of {@code paperboy serve}, the papers that ingest indexed without a
 * vector. Ingest never waits for the model (22 abstracts/s on two cores); the papers are searchable
 * by keyword at once and join semantic search as their vectors arrive.
 */
public final class VectorBackfill implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VectorBackfill.class);
  private static final int BATCH = 64;
  private static final long IDLE_MILLIS = 5_000;

  private final SearchService search;
  private final ExecutorService thread;
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile boolean started;
  private Future<?> work;

  /**
   * Embeds on {@code thread}, which stays the caller's; serving pages comes first, so the app gives
   * it a thread of the lowest priority, and the embedder takes what the web threads leave.
   */
  public VectorBackfill(SearchService search, ExecutorService thread) {
    this.search = search;
    this.thread = thread;
  }

  public synchronized VectorBackfill start() {
    if (work == null) {
      work =
          thread.submit(
              () -> {
                started = true;
                try {
                  run();
                } finally {
                  ended.countDown();
                }
              });
    }
    return this;
  }

  private void run() {
    long done = 0;
    while (running) {
      try {
        int n = search.embedMissing(BATCH);
        if (n == 0) {
          if (done > 0) log.info("embedded {} papers; semantic search covers them all", done);
          done = 0;
          TimeUnit.MILLISECONDS.sleep(IDLE_MILLIS);
        } else if ((done += n) % 1024 < BATCH) {
          log.info("embedded {} papers, {} to go", done, search.pendingVectors());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) return;
        log.warn("embedding papers failed, trying again in a minute: {}", e.getMessage());
        try {
          TimeUnit.MINUTES.sleep(1);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    if (work == null) return;
    work.cancel(true);
    if (!started) return; // cancelled before it ran: it never will
    try {
      ended.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
