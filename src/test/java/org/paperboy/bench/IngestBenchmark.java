package org.paperboy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.paperboy.app.Config;
import org.paperboy.app.JvmSettings;
import org.paperboy.app.Paperboy;
import org.paperboy.ingest.IngestReport;
import org.paperboy.ingest.IngestService;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.formats.Format;
import org.paperboy.ingest.text.Normalizer;
import org.paperboy.paper.Paper;
import org.paperboy.paper.TitleKey;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.testing.TestThreads;

/**
 * Ingest throughput into a fresh H2 store, against two baselines measured in the same run: the
 * Kaggle parser alone over the same file (no normalisation, no store), and the bare store — the
 * same papers, already parsed, written by {@link PaperRepository#write} in batches of 1,000 on one
 * thread with nothing else to do, which is the most any ingest into this schema can reach. Reports
 * peak RSS (VmHWM) after the store-only ingest, so runs at 200k and 1M records show whether memory
 * stays flat as the file grows, and the rate of the whole app (store + Lucene index).
 *
 * <pre>
 * BENCH_JAVA_OPTS=-Xmx512m bench/run IngestBenchmark --records 200000 [--runs store,app,bare,parse]
 * </pre>
 *
 * {@code --runs} picks the runs and their order (default {@code store,app,bare,parse}; {@code
 * --store-only} is {@code store,bare,parse}). Runs after the first find the JIT already warm for
 * the code they share, so {@code --runs bare} alone measures the bare store in a cold JVM, as a
 * user's first ingest is.
 */
public final class IngestBenchmark {
  private static final int BATCH = 1_000;

  public static void main(String[] args) throws IOException {
    JvmSettings.apply(); // as Main.main does: the benchmark measures the app's settings
    long records = Long.parseLong(KaggleGenerator.arg(args, "--records", "200000"));
    boolean storeOnly = List.of(args).contains("--store-only");
    List<String> runs =
        List.of(
            KaggleGenerator.arg(
                    args, "--runs", storeOnly ? "store,bare,parse" : "store,app,bare,parse")
                .split(","));
    Path file = Path.of("target/bench/kaggle-" + records + ".jsonl");
    if (!Files.exists(file)) KaggleGenerator.generate(records, file);
    System.out.printf("file: %s (%,d bytes)%n", file, Files.size(file));
    double storeRate = 0;
    double bareRate = 0;
    double parseRate = 0;
    for (String run : runs) {
      switch (run) {
        case "store" -> storeRate = store(file, records);
        case "app" -> app(file, records);
        case "bare" -> bareRate = bare(records);
        case "parse" -> parseRate = parseOnly(file);
        default ->
            throw new IllegalArgumentException("unknown run " + run + " (store, app, bare, parse)");
      }
    }
    if (storeRate > 0 && bareRate > 0)
      System.out.printf("ratio ingest/bare store: %.2f%n", storeRate / bareRate);
    if (storeRate > 0 && parseRate > 0)
      System.out.printf("ratio ingest/parse-only: %.2f%n", storeRate / parseRate);
  }

  /** The ingest pipeline into H2, no search index listening. */
  private static double store(Path file, long records) throws IOException {
    Path data = Files.createTempDirectory("paperboy-bench-ingest");
    try {
      long t0 = System.nanoTime();
      IngestReport report;
      try (TestThreads threads = new TestThreads();
          Database db = Database.open(Database.h2Url(data), null, null)) {
        IngestService ingest =
            new IngestService(
                new PaperRepository(db.jdbi()), Clock.systemUTC(), threads.ingestWriter());
        report = ingest.ingestFile(file, Format.KAGGLE, (n, read, total) -> {});
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "ingest: %s in %.1f s = %,.0f records/s, peak RSS %s, max heap %,d MB%n",
          report.summary(),
          seconds,
          records / seconds,
          vmHwm(),
          Runtime.getRuntime().maxMemory() >> 20);
      return records / seconds;
    } finally {
      deleteTree(data);
    }
  }

  /** The whole app as {@code paperboy ingest --no-embed} runs it: store plus the Lucene index. */
  private static void app(Path file, long records) throws IOException {
    Path data = Files.createTempDirectory("paperboy-bench-app");
    try {
      long t0 = System.nanoTime();
      IngestReport report;
      try (Paperboy app = Paperboy.open(Config.from(data, Map.of()))) {
        report = app.ingest().ingestFile(file, Format.KAGGLE, (n, read, total) -> {});
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "ingest with search index: %s in %.1f s = %,.0f records/s%n",
          report.summary(), seconds, records / seconds);
    } finally {
      deleteTree(data);
    }
  }

  /**
   * The bare store: the generator's papers (the 200 real records, parsed and normalised once before
   * the clock starts, each copy with a fresh id and numbered title) written straight into a fresh
   * store, one transaction per batch, with no parsing, checks, look-ups or merging, and a cheap
   * stand-in for the title hash. Timed from opening the database, as the ingest run is.
   */
  private static double bare(long records) throws IOException {
    List<Paper> sample = new ArrayList<>();
    RecordSink collect =
        new RecordSink() {
          @Override
          public void accept(Paper.Builder b, long line) {
            Normalizer.normalize(b);
            sample.add(b.addSource("kaggle").build());
          }

          @Override
          public void reject(long line, String reason) {}
        };
    try (InputStream in = IngestBenchmark.class.getResourceAsStream(KaggleGenerator.SAMPLE)) {
      Format.KAGGLE.newParser().parse(in, "sample", collect);
    }
    Path data = Files.createTempDirectory("paperboy-bench-bare");
    try {
      long t0 = System.nanoTime();
      try (Database db = Database.open(Database.h2Url(data), null, null)) {
        PaperRepository papers = new PaperRepository(db.jdbi());
        Instant now = Instant.now();
        List<Paper> batch = new ArrayList<>(BATCH);
        for (long i = 0; i < records; i++) {
          Paper p = sample.get((int) (i % sample.size()));
          batch.add(
              p.toBuilder()
                  .id(KaggleGenerator.id(i))
                  .title(KaggleGenerator.title(p.title(), i))
                  .build());
          if (batch.size() == BATCH || i == records - 1) {
            papers.write(batch, List.of(), List.of(), now, IngestBenchmark::cheapTitleHash);
            batch.clear();
          }
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "baseline (bare store, parsed papers written in batches of %,d): %,d records in %.1f s = %,.0f records/s%n",
          BATCH, records, seconds, records / seconds);
      return records / seconds;
    } finally {
      deleteTree(data);
    }
  }

  /**
   * 16 hex digits as evenly spread as {@link TitleKey#hash}'s, so the store's title index sees the
   * same random insertion order, at a fraction of SHA-256's cost (SplitMix64 of the title's hash).
   */
  private static String cheapTitleHash(String title) {
    long z = title.hashCode() * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return java.util.HexFormat.of().toHexDigits(z ^ (z >>> 31));
  }

  private static double parseOnly(Path file) throws IOException {
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
    long t0 = System.nanoTime();
    try (InputStream in = Files.newInputStream(file)) {
      Format.KAGGLE
          .newParser()
          .parse(new java.io.BufferedInputStream(in, 1 << 16), file.toString(), counting);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "baseline (parse only, no store): %,d records in %.1f s = %,.0f records/s%n",
        count[0], seconds, count[0] / seconds);
    return count[0] / seconds;
  }

  /** Peak resident set size of this process so far, from /proc (Linux). */
  static String vmHwm() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) return "n/a";
    try (Stream<String> lines = Files.lines(status)) {
      return lines
          .filter(l -> l.startsWith("VmHWM:"))
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
