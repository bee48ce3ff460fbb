package org.paperboy.store;

import java.nio.file.Path;

/**
 * A stand-in for {@code serve} in tests that kill it: opens the store of a data dir, so this
 * process holds the H2 file and serves it to the others (AUTO_SERVER), says "ready" and waits to be
 * killed. Cheaper than a real serve (no index, no web server) and the same for the store.
 */
public final class StoreHolder {
  private StoreHolder() {}

  public static void main(String[] args) throws InterruptedException {
    Database db = Database.open(Database.h2Url(Path.of(args[0])), null, null);
    db.jdbi().useHandle(h -> h.execute("SELECT 1"));
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
  }
}
