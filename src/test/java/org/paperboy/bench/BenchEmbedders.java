package org.paperboy.bench;

import org.paperboy.embed.Embedder;

/** The real model for benchmark queries, and cached real vectors for the corpus. Placeholder until embed lands. */
final class BenchEmbedders implements AutoCloseable {
  private final Embedder real;

  private BenchEmbedders(Embedder real) {
    this.real = real;
  }

  static BenchEmbedders open(boolean noVectors) {
    return new BenchEmbedders(null);
  }

  /** The uncached model (query side), or null without vectors. */
  Embedder real() {
    return real;
  }

  /** The embedder the index is built with, or null without vectors. */
  Embedder forIndexing(SyntheticPapers corpus, int papers) {
    return null;
  }

  @Override
  public void close() {
    if (real != null) real.close();
  }
}
