package org.paperboy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.paperboy.embed.Embedder;
import org.paperboy.paper.Paper;
import org.paperboy.search.SearchService;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.testing.TestThreads;

/**
 * Shared set-up of the search benchmarks: a temp data dir with an H2 store holding the synthetic
 * papers, and a search service whose index is built from it (timed).
 */
final class SearchBench implements AutoCloseable {
  final Path dir;
  final Database db;
  final PaperRepository papers;
  SearchService service;
  private final TestThreads threads = new TestThreads();
  double buildSeconds;

  SearchBench(SyntheticPapers corpus, int count) throws IOException {
    dir = Files.createTempDirectory("paperboy-bench-search");
    db = Database.open(Database.h2Url(dir), null, null);
    papers = new PaperRepository(db.jdbi());
    long t0 = System.nanoTime();
    List<Paper> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(corpus.paper(i));
      if (batch.size() == 2000 || i == count - 1) {
        papers.write(batch, List.of(), List.of(), Instant.now());
        batch.clear();
      }
    }
    System.err.printf("stored %,d papers in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
  }

  /** Opens the service on a fresh index dir, which builds the index from the store; timed. */
  SearchService build(String name, Embedder embedder) {
    if (service != null) service.close();
    long t0 = System.nanoTime();
    service = SearchService.open(indexDir(name), papers, db.jdbi(), embedder, threads.search());
    buildSeconds = (System.nanoTime() - t0) / 1e9;
    return service;
  }

  Path indexDir(String name) {
    return dir.resolve("index-" + name);
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
    return fallback;
  }

  /**
   * The BEIR folder a search benchmark runs on: given with {@code --corpus DIR}, else
   * $PAPERBOY_BEIR_DIR (e.g. a SciFact copy); the repository ships no full collection.
   */
  static Path corpus(String[] args) {
    String dir = arg(args, "--corpus", System.getenv("PAPERBOY_BEIR_DIR"));
    if (dir == null) {
      throw new IllegalArgumentException(
          "name a BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv) with --corpus DIR"
              + " or PAPERBOY_BEIR_DIR");
    }
    return Path.of(dir);
  }

  static boolean flag(String[] args, String name) {
    return List.of(args).contains(name);
  }

  static double percentile(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  static String machine() {
    return String.format(
        "%d cores (%s), %s %s, Java %s, max heap %,d MB",
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .orElse("unknown cpu");
    } catch (IOException e) {
      return "unknown cpu";
    }
  }

  @Override
  public void close() throws IOException {
    if (service != null) service.close();
    db.close();
    threads.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
