package org.paperboy.store;

import java.nio.file.Path;

/** The store contract on the default database: an H2 file in the test's temp dir. */
class H2StoreTest extends StoreContract {
  @Override
  Database freshDatabase(Path dir) {
    return Database.open(Database.h2Url(dir), null, null);
  }
}
