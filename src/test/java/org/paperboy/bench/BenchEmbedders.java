package org.paperboy.bench;

import java.util.ArrayList;
import java.util.List;
import org.paperboy.app.Config;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.embed.Embedder;
import org.paperboy.search.EvalCache;

/**
 * The models a search benchmark needs: the real, uncached model for queries (a cache would make
 * repeated queries free) and the evaluation cache for the corpus's real vectors (filled by {@code
 * paperboy eval}, so a benchmark after an evaluation embeds nothing).
 */
final class BenchEmbedders implements AutoCloseable {
  private final Embedder real;
  private final EvalCache cache;

  private BenchEmbedders(Embedder real, EvalCache cache) {
    this.real = real;
    this.cache = cache;
  }

  static BenchEmbedders open(boolean noVectors) {
    if (noVectors) return new BenchEmbedders(null, null);
    return new BenchEmbedders(
        BgeSmallEmbedder.create(),
        EvalCache.open(Config.from(null, System.getenv()).search().evalCache()));
  }

  /** The uncached model (query side), or null without vectors. */
  Embedder real() {
    return real;
  }

  /** The embedder the index is built with, or null without vectors. */
  Embedder forIndexing(SyntheticPapers corpus, int papers) {
    if (real == null) return null;
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < Math.min(papers, corpus.bases.size()); i++) {
      texts.add(PerturbedEmbedder.text(corpus.paper(i)));
    }
    long t0 = System.nanoTime();
    float[][] base = cache.embedDocuments(texts);
    System.err.printf(
        "base vectors for %,d abstracts in %.1f s (cached after the first run)%n",
        texts.size(), (System.nanoTime() - t0) / 1e9);
    return new PerturbedEmbedder(real, corpus, papers, base);
  }

  @Override
  public void close() {
    try {
      if (real != null) real.close();
    } finally {
      cache.close();
    }
  }
}
