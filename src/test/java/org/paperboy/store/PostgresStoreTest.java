package org.paperboy.store;

import java.nio.file.Path;

/** The store contract on PostgreSQL, in a schema of its own per test; skips without a server. */
class PostgresStoreTest extends StoreContract {
  private TestPostgres pg;

  @Override
  Database freshDatabase(Path dir) {
    pg = TestPostgres.freshSchema();
    return Database.open(pg.url(), pg.user(), pg.password());
  }

  @Override
  void dropDatabase() {
    if (pg != null) pg.close();
  }
}
