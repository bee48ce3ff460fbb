package org.paperboy.ingest;

import java.nio.file.Path;
import org.paperboy.app.Config;
import org.paperboy.store.TestPostgres;

/** The ingest contract on PostgreSQL, in a schema of its own per test; skips without a server. */
class PostgresIngestTest extends IngestContract {
  private TestPostgres pg;

  @Override
  Config freshStore(Path dir) {
    pg = TestPostgres.freshSchema();
    return Config.from(dir, pg.env());
  }

  @Override
  void dropStore() {
    if (pg != null) pg.close();
  }
}
