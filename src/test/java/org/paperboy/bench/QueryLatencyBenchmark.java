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
 * Query latency on a synthetic index of real abstracts (see {@link SyntheticPapers},
 * {@link PerturbedEmbedder}): lexical and hybrid (query embedding included), top 10 with snippets,
 * on 1 and 2 threads. Baseline in the same run: bare Lucene on the same index (BM25 over the text
 * field with EnglishAnalyzer; kNN top 10 after embedding the query), no syntax, acronyms, fusion,
 * stored fields or snippets.
 *
 * <pre>bench/run QueryLatencyBenchmark --corpus PATH/TO/beir/scifact --papers 100000</pre>
 */
public final class QueryLatencyBenchmark {
  public static void main(String[] args) throws Exception {
    Path corpusDir = SearchBench.corpus(args);
    int count = Integer.parseInt(SearchBench.arg(args, "--papers", "100000"));
    int queries = Integer.parseInt(SearchBench.arg(args, "--queries", "600"));
    SyntheticPapers corpus = SyntheticPapers.load(corpusDir);
    List<String> qs = corpus.queries.subList(0, Math.min(queries, corpus.queries.size()));
    System.out.println("machine: " + SearchBench.machine());
    try (SearchBench bench = new SearchBench(corpus, count);
        BenchEmbedders models = BenchEmbedders.open(SearchBench.flag(args, "--no-vectors"))) {
      Embedder indexing = models.forIndexing(corpus, count);
      SearchService search = bench.build("hybrid", indexing);
      System.out.printf("index: %,d papers built in %.1f s, %,d MB on disk%n",
          count, bench.buildSeconds, SearchBench.sizeOf(bench.indexDir("hybrid")) >> 20);
      try (FSDirectory dir = FSDirectory.open(bench.indexDir("hybrid"));
          DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher bare = new IndexSearcher(reader);
        bare.setSimilarity(new BM25Similarity(0.9f, 0.4f));
        QueryBuilder english = new QueryBuilder(new EnglishAnalyzer());
        for (int threads : new int[] {1, 2}) {
          run("lexical", threads, qs, q -> search.search(request(q, SearchMode.LEXICAL)));
          run("baseline lexical (bare Lucene BM25)", threads, qs, q -> {
            Query lq = english.createBooleanQuery("text", q);
            if (lq != null) bare.search(lq, 10);
          });
          if (models.real() != null) {
            run("hybrid (incl. query embedding)", threads, qs, q -> search.search(request(q, SearchMode.HYBRID)));
            run("baseline semantic (embed + bare kNN)", threads, qs, q -> {
              float[] v = models.real().embedQueries(List.of(q))[0];
              bare.search(new KnnFloatVectorQuery("vec", v, 10), 10);
            });
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

  /** One untimed pass to warm up, then a timed pass; per-query latency and throughput. */
  private static void run(String name, int threads, List<String> qs, Work work) throws Exception {
    pass(threads, qs.subList(0, Math.min(100, qs.size())), work, new long[qs.size()]);
    long[] nanos = new long[qs.size()];
    long t0 = System.nanoTime();
    pass(threads, qs, work, nanos);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%-40s threads=%d p50=%.2f ms p99=%.2f ms  %.0f queries/s%n", name, threads,
        SearchBench.percentile(nanos, 50), SearchBench.percentile(nanos, 99), qs.size() / seconds);
  }

  private static void pass(int threads, List<String> qs, Work work, long[] nanos) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ids = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "bench-query-" + ids.incrementAndGet()));
    try {
      Future<?>[] fs = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        fs[t] = pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < qs.size(); ) {
            long s = System.nanoTime();
            work.run(qs.get(i));
            nanos[i] = System.nanoTime() - s;
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
