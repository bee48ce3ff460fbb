package org.paperboy.app;

import java.util.concurrent.CountDownLatch;
import org.paperboy.search.VectorBackfill;
import org.paperboy.web.WebServer;

/**
 * A running {@code paperboy serve}: the web server and the background embedder, from {@link
 * Paperboy#serve}. Closing stops both (the digest scheduler stops with the app); closing the app
 * closes this first. Ctrl-C closes the whole app through a shutdown hook.
 */
public final class Serving implements AutoCloseable {
  private final WebServer server;
  private final VectorBackfill backfill;
  private final Thread hook;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final int port;

  Serving(WebServer server, VectorBackfill backfill, Thread hook, int port) {
    this.server = server;
    this.backfill = backfill;
    this.hook = hook;
    this.port = port;
  }

  /** The port in use (the one asked for, or a free one for 0). */
  public int port() {
    return port;
  }

  /** Blocks until this is closed: by {@link #close}, the app's close, or Ctrl-C. */
  public void await() throws InterruptedException {
    stopped.await();
  }

  /** Stops taking requests, then stops the embedder. Idempotent. */
  @Override
  public synchronized void close() {
    if (stopped.getCount() == 0) return;
    try {
      server.close();
    } finally {
      try {
        backfill.close();
      } finally {
        stopped.countDown();
        if (Thread.currentThread() != hook) removeHook();
      }
    }
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is stopping: the hook runs, or has run, anyway
    }
  }
}
