package org.paperboy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.paperboy.app.Config;
import org.paperboy.app.Paperboy;
import java.time.Clock;
import org.paperboy.ingest.Format;
import org.paperboy.ingest.IngestService;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.ingest.IngestReport;
import org.paperboy.ingest.RecordSink;
import org.paperboy.paper.Paper;

/**
 * Ingest throughput into a fresh H2 store, against a baseline measured in the same run: the Kaggle
 * parser alone over the same file (no normalisation, no store). Reports peak RSS (VmHWM) after the
 * store-only ingest, so runs at 200k and 1M records show whether memory stays flat as the file
 * grows, and the rate of the whole app (store + Lucene index) for comparison.
 *
 * <pre>BENCH_JAVA_OPTS=-Xmx512m bench/run IngestBenchmark --records 200000 [--store-only]</pre>
 */
public final class IngestBenchmark {
  public static void main(String[] args) throws IOException {
    long records = Long.parseLong(KaggleGenerator.arg(args, "--records", "200000"));
    Path file = Path.of("target/bench/kaggle-" + records + ".jsonl");
    if (!Files.exists(file)) KaggleGenerator.generate(records, file);
    Path data = Files.createTempDirectory("paperboy-bench-ingest");
    try {
      // Store only: the ingest pipeline into H2, no search index listening.
      long t0 = System.nanoTime();
      IngestReport report;
      try (Database db = Database.open(Database.h2Url(data), null, null)) {
        IngestService ingest = new IngestService(new PaperRepository(db.jdbi()), Clock.systemUTC());
        report = ingest.ingestFile(file, Format.KAGGLE, (n, read, total) -> {});
      }
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      String peakRss = vmHwm();

      // The whole app as `paperboy ingest --no-embed` runs it: store plus the Lucene index.
      boolean storeOnly = java.util.Arrays.asList(args).contains("--store-only");
      IngestReport appReport = null;
      double appSeconds = 0;
      if (!storeOnly) {
        Path appData = Files.createTempDirectory("paperboy-bench-app");
        long ta = System.nanoTime();
        try (Paperboy app = Paperboy.open(Config.from(appData, Map.of()))) {
          appReport = app.ingest().ingestFile(file, Format.KAGGLE, (n, read, total) -> {});
        }
        appSeconds = (System.nanoTime() - ta) / 1e9;
        deleteTree(appData);
      }

      long t1 = System.nanoTime();
      long parsed = parseOnly(file);
      double parseSeconds = (System.nanoTime() - t1) / 1e9;

      double ingestRate = records / ingestSeconds;
      double parseRate = parsed / parseSeconds;
      System.out.printf("file: %s (%,d bytes)%n", file, Files.size(file));
      System.out.printf("ingest: %s in %.1f s = %,.0f records/s, peak RSS %s, max heap %,d MB%n",
          report.summary(), ingestSeconds, ingestRate, peakRss, Runtime.getRuntime().maxMemory() >> 20);
      if (appReport != null) {
        System.out.printf("ingest with search index: %s in %.1f s = %,.0f records/s%n",
            appReport.summary(), appSeconds, records / appSeconds);
      }
      System.out.printf("baseline (parse only, no store): %,d records in %.1f s = %,.0f records/s%n",
          parsed, parseSeconds, parseRate);
      System.out.printf("ratio ingest/parse-only: %.2f%n", ingestRate / parseRate);
    } finally {
      deleteTree(data);
    }
  }

  private static long parseOnly(Path file) throws IOException {
    long[] count = new long[1];
    RecordSink counting =
        new RecordSink() {
          @Override
          public void accept(Paper.Builder paper, long line) {
            count[0]++;
          }

          @Override
          public void reject(long line, String reason) {}
        };
    try (InputStream in = Files.newInputStream(file)) {
      Format.KAGGLE.newParser().parse(new java.io.BufferedInputStream(in, 1 << 16), file.toString(), counting);
    }
    return count[0];
  }

  /** Peak resident set size of this process so far, from /proc (Linux). */
  static String vmHwm() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) return "n/a";
    try (Stream<String> lines = Files.lines(status)) {
      return lines.filter(l -> l.startsWith("VmHWM:"))
          .map(l -> l.substring(6).strip())
          .findFirst()
          .orElse("n/a");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
