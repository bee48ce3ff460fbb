package org.paperboy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.paperboy.paper.Paper;

/**
 * Index build rate and size: {@code reindex} from the store (a) without vectors, (b) with vectors
 * that cost no model time (HNSW int8 build only, see {@link PerturbedEmbedder}), and (c) with the
 * real model embedding every paper (on a smaller sample: the model is the bottleneck). Baseline in
 * the same run: a bare Lucene IndexWriter with StandardAnalyzer over the same papers, from memory.
 *
 * <pre>bench/run IndexBuildBenchmark --corpus PATH/TO/beir/scifact --papers 100000</pre>
 *
 * {@code --no-vectors} measures only (a) and the baseline; {@code --skip-lexical} only (b) and (c).
 */
public final class IndexBuildBenchmark {
  public static void main(String[] args) throws Exception {
    Path corpusDir = SearchBench.corpus(args);
    int count = Integer.parseInt(SearchBench.arg(args, "--papers", "100000"));
    int embedSample = Integer.parseInt(SearchBench.arg(args, "--embed-sample", "500"));
    SyntheticPapers corpus = SyntheticPapers.load(corpusDir);
    System.out.println("machine: " + SearchBench.machine());
    try (BenchEmbedders models = BenchEmbedders.open(SearchBench.flag(args, "--no-vectors"))) {
      double ours;
      boolean lexical = !SearchBench.flag(args, "--skip-lexical");
      try (SearchBench bench = new SearchBench(corpus, count)) {
        if (lexical) {
          bench.build("lexical", null);
          ours = count / bench.buildSeconds;
          report(
              "reindex, no vectors",
              count,
              bench.buildSeconds,
              SearchBench.sizeOf(bench.indexDir("lexical")));
          double base = baseline(corpus, count, bench.dir.resolve("baseline"));
          System.out.printf("ratio reindex (no vectors) / bare Lucene: %.2f%n", ours / base);
        }
        if (models.real() != null) {
          bench.build("vectors", models.forIndexing(corpus, count));
          report(
              "reindex, vectors (no model time)",
              count,
              bench.buildSeconds,
              SearchBench.sizeOf(bench.indexDir("vectors")));
        }
      }
      if (models.real() != null) {
        try (SearchBench small = new SearchBench(corpus, embedSample)) {
          small.build("embedded", models.real());
          report(
              "reindex, embedding every paper",
              embedSample,
              small.buildSeconds,
              SearchBench.sizeOf(small.indexDir("embedded")));
        }
      }
    }
  }

  private static void report(String what, int n, double seconds, long bytes) {
    System.out.printf(
        "%-36s %,d papers in %.1f s = %,.0f papers/s, index %,d MB (%,d bytes/paper)%n",
        what, n, seconds, n / seconds, bytes >> 20, bytes / n);
  }

  private static double baseline(SyntheticPapers corpus, int count, Path dir) throws Exception {
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w =
            new IndexWriter(
                d, new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(128))) {
      for (int i = 0; i < count; i++) {
        Paper p = corpus.paper(i);
        Document doc = new Document();
        doc.add(new StringField("id", p.id(), Store.YES));
        doc.add(new TextField("title", p.title(), Store.YES));
        doc.add(new TextField("abstract", p.abstractText(), Store.YES));
        w.addDocument(doc);
      }
      w.commit();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    report("baseline: bare Lucene, StandardAnalyzer", count, seconds, SearchBench.sizeOf(dir));
    return count / seconds;
  }
}
