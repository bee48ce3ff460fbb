package org.paperboy.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.paperboy.PaperboyException;

/**
 * What the app opened, closed in reverse. Like JDBI's {@code Handle.close()}, closing runs every
 * cleanup even when one fails: the first failure is thrown with the others attached as suppressed.
 */
final class Closer implements AutoCloseable {
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  synchronized <T extends AutoCloseable> T track(T resource) {
    opened.push(resource);
    return resource;
  }

  /** Closes everything; the first failure, wrapped, carries the others as suppressed. */
  @Override
  public void close() {
    List<Exception> failures = closeAll();
    if (failures.isEmpty()) return;
    Exception first = failures.get(0);
    PaperboyException e =
        new PaperboyException("closing paperboy failed: " + first.getMessage(), first);
    for (Exception other : failures.subList(1, failures.size())) e.addSuppressed(other);
    throw e;
  }

  /** After a start that failed with {@code cause}: closes what was opened, keeping it as cause. */
  void closeAfterFailedStart(Throwable cause) {
    for (Exception e : closeAll()) cause.addSuppressed(e);
  }

  private synchronized List<Exception> closeAll() {
    List<Exception> failures = new ArrayList<>();
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        failures.add(e);
      }
    }
    return failures;
  }
}
