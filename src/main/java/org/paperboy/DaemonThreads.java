package org.paperboy;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads for the app's pools (and the tests' copies of them). Daemons, so a command
 * or a test that forgets to close cannot keep the JVM up; named, so a thread dump says whose each
 * thread is.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Threads named {@code name}, or {@code name1}, {@code name2}... when it ends in a dash. */
  public static ThreadFactory named(String name, int priority) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name.endsWith("-") ? name + n.incrementAndGet() : name);
      t.setDaemon(true);
      t.setPriority(priority);
      return t;
    };
  }

  /** {@link #named(String, int)} at normal priority. */
  public static ThreadFactory named(String name) {
    return named(name, Thread.NORM_PRIORITY);
  }
}
