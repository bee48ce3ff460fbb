package org.paperboy.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition, polling it every 20 ms, for tests that watch another process or thread:
 * the wait ends as soon as the condition holds, so no test sleeps a fixed time.
 */
public final class Await {
  private Await() {}

  /** True as soon as {@code condition} holds; false if it still fails after {@code timeout}. */
  public static boolean within(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return condition.getAsBoolean();
      Thread.sleep(20);
    }
    return true;
  }

  /** Returns once {@code condition} holds; fails naming {@code what} after {@code timeout}. */
  public static void until(Duration timeout, BooleanSupplier condition, String what)
      throws InterruptedException {
    if (!within(timeout, condition)) throw new AssertionError("timed out: " + what);
  }
}
