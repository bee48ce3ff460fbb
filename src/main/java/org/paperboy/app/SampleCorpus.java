package org.paperboy.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.paperboy.PaperboyException;
import org.paperboy.ingest.IngestReport;
import org.paperboy.ingest.IngestService;
import org.paperboy.ingest.formats.Format;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real papers bundled in the jar ({@code /sample/index.txt} lists them), loaded into an empty
 * store so that a first {@code paperboy serve} has something to show.
 */
public final class SampleCorpus {
  private static final Logger log = LoggerFactory.getLogger(SampleCorpus.class);
  private static final String DIR = "/sample/";

  private SampleCorpus() {}

  /** Loads the sample when the store holds no paper; returns what was loaded (EMPTY otherwise). */
  public static IngestReport loadIfEmpty(Paperboy app) {
    if (app.papers().count() > 0) return IngestReport.EMPTY;
    IngestReport report = load(app.ingest());
    log.info("Loaded the bundled sample corpus: {}", report.summary());
    return report;
  }

  static IngestReport load(IngestService ingest) {
    IngestReport total = IngestReport.EMPTY;
    try (BufferedReader index = reader(open("index.txt"))) {
      String line;
      while ((line = index.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        String[] parts = line.split("\\s+", 2);
        try (InputStream in = open(parts[1])) {
          total = total.plus(ingest.ingest(in, parts[1], Format.byName(parts[0])));
        }
      }
    } catch (IOException e) {
      throw new PaperboyException("cannot read the bundled sample corpus: " + e.getMessage(), e);
    }
    return total;
  }

  private static InputStream open(String name) {
    InputStream in = SampleCorpus.class.getResourceAsStream(DIR + name);
    if (in == null) throw new PaperboyException("the jar lacks the sample file " + DIR + name);
    return in;
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
