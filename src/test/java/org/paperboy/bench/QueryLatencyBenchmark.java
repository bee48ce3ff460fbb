package org.paperboy.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.paperboy.embed.Embedder;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;
import org.paperboy.search.SearchService;

/**
 * Query latency on a synthetic index of real abstracts (see {@link SyntheticPapers}, {@link
 * PerturbedEmbedder}): lexical and hybrid (query embedding included), top 10 with snippets, on 1
 * and 2 threads. Baseline in the same run: bare Lucene on the same index (BM25 over the text field
 * with EnglishAnalyzer; kNN top 10 after embedding the query), no syntax, acronyms, fusion, stored
 * fields or snippets; also the query model alone, and {@code related(id)} against a bare kNN with
 * the vector at hand. Each query runs through ours and its baselines back to back.
 *
 * <pre>
 * bench/run QueryLatencyBenchmark --corpus PATH/TO/beir/scifact --papers 100000 [--warmup-passes 2] [--no-vectors]
 * </pre>
 */
public final class QueryLatencyBenchmark {
  public static void main(String[] args) throws Exception {
    Path corpusDir = SearchBench.corpus(args);
    int count = Integer.parseInt(SearchBench.arg(args, "--papers", "100000"));
    int queries = Integer.parseInt(SearchBench.arg(args, "--queries", "600"));
    WARMUP_PASSES = Integer.parseInt(SearchBench.arg(args, "--warmup-passes", "2"));
    SyntheticPapers corpus = SyntheticPapers.load(corpusDir);
    List<String> qs = corpus.queries.subList(0, Math.min(queries, corpus.queries.size()));
    System.out.println("machine: " + SearchBench.machine());
    try (SearchBench bench = new SearchBench(corpus, count);
        BenchEmbedders models = BenchEmbedders.open(SearchBench.flag(args, "--no-vectors"))) {
      Embedder indexing = models.forIndexing(corpus, count);
      SearchService search = bench.build("hybrid", indexing);
      System.out.printf(
          "index: %,d papers built in %.1f s, %,d MB on disk%n",
          count, bench.buildSeconds, SearchBench.sizeOf(bench.indexDir("hybrid")) >> 20);
      try (FSDirectory dir = FSDirectory.open(bench.indexDir("hybrid"));
          DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher bare = new IndexSearcher(reader);
        bare.setSimilarity(new BM25Similarity(0.9f, 0.4f));
        QueryBuilder english = new QueryBuilder(new EnglishAnalyzer());
        for (int threads : new int[] {1, 2}) {
          run(
              threads,
              qs,
              new Named("lexical", q -> search.search(request(q, SearchMode.LEXICAL))),
              new Named(
                  "baseline lexical (bare Lucene BM25)",
                  q -> {
                    Query lq = english.createBooleanQuery("text", q);
                    if (lq != null) bare.search(lq, 10);
                  }));
          if (models.real() != null) {
            run(
                threads,
                qs,
                new Named(
                    "hybrid (incl. query embedding)",
                    q -> search.search(request(q, SearchMode.HYBRID))),
                new Named(
                    "baseline semantic (embed + bare kNN)",
                    q -> {
                      float[] v = models.real().embedQueries(List.of(q))[0];
                      bare.search(new KnnFloatVectorQuery("vec", v, 10), 10);
                    }),
                new Named(
                    "query embedding alone (model)", q -> models.real().embedQueries(List.of(q))));
            // The paper page's "related papers": ours from the paper's stored vector; the baseline
            // a bare kNN top 10 with a vector already at hand (the query's, embedded beforehand).
            java.util.Map<String, float[]> vectors = new java.util.HashMap<>();
            for (String q : qs) vectors.put(q, models.real().embedQueries(List.of(q))[0]);
            int papers = count;
            run(
                threads,
                qs,
                new Named(
                    "related(id) (paper page)",
                    q ->
                        search.related(corpus.paper(Math.floorMod(q.hashCode(), papers)).id(), 10)),
                new Named(
                    "baseline: bare kNN, vector at hand",
                    q -> bare.search(new KnnFloatVectorQuery("vec", vectors.get(q), 10), 10)));
          }
        }
      }
    }
  }

  private static SearchRequest request(String q, SearchMode mode) {
    return new SearchRequest(q, mode, 10, null, null, List.of());
  }

  interface Work {
    void run(String query) throws IOException;
  }

  record Named(String name, Work work) {}

  /**
   * Untimed warm-up passes over all the queries, then a timed pass; per-query latency and
   * throughput. A server answers from code the JIT compiled long ago: with a warm-up of only 100
   * queries the timed pass still ran half-compiled code (lexical p50 5.6 ms against 2.8 ms once
   * warm). The workloads run interleaved, each query through all of them in turn (the order
   * rotating), so that the load of the shared machine weighs on ours and on the baseline alike;
   * queries/s is threads over the workload's mean latency.
   */
  static int WARMUP_PASSES = 2;

  private static void run(int threads, List<String> qs, Named... works) throws Exception {
    int n = works.length;
    long[][] nanos = new long[n][qs.size()];
    for (int i = 0; i < WARMUP_PASSES; i++) pass(threads, qs, works, new long[n][qs.size()]);
    pass(threads, qs, works, nanos);
    for (int w = 0; w < n; w++) {
      double mean = java.util.Arrays.stream(nanos[w]).average().orElse(0) / 1e9;
      System.out.printf(
          "%-40s threads=%d p50=%.2f ms p99=%.2f ms  %.0f queries/s%n",
          works[w].name(),
          threads,
          SearchBench.percentile(nanos[w], 50),
          SearchBench.percentile(nanos[w], 99),
          threads / mean);
    }
  }

  private static void pass(int threads, List<String> qs, Named[] works, long[][] nanos)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ids = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, r -> new Thread(r, "bench-query-" + ids.incrementAndGet()));
    try {
      Future<?>[] fs = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        fs[t] =
            pool.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < qs.size(); ) {
                    for (int k = 0; k < works.length; k++) {
                      int w = (i + k) % works.length;
                      long s = System.nanoTime();
                      works[w].work().run(qs.get(i));
                      nanos[w][i] = System.nanoTime() - s;
                    }
                  }
                  return null;
                });
      }
      for (Future<?> f : fs) f.get();
    } finally {
      pool.shutdown();
    }
  }
}
