package org.paperboy.ingest;

import java.nio.file.Path;
import java.util.Map;
import org.paperboy.app.Config;

/** The ingest contract on the default store: an H2 file in the test's temp dir. */
class H2IngestTest extends IngestContract {
  @Override
  Config freshStore(Path dir) {
    return Config.from(dir, Map.of());
  }
}
