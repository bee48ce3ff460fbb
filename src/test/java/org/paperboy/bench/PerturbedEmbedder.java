package org.paperboy.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.embed.Embedder;
import org.paperboy.paper.Paper;

/**
 * Real embeddings for the real abstracts and, for the synthetic copies, the real vector of the
 * document they were made from plus seeded Gaussian noise (cosine to the original about 0.9).
 * Handed to the search service as its embedder, so indexing runs the production path but pays no
 * model time for 100,000 papers; queries go to the real model.
 */
final class PerturbedEmbedder implements Embedder {
  private final Embedder real;
  private final Map<String, float[]> byText = new HashMap<>();

  PerturbedEmbedder(Embedder real, SyntheticPapers corpus, int papers, float[][] baseVectors) {
    this.real = real;
    for (int i = 0; i < papers; i++) {
      Paper p = corpus.paper(i);
      float[] base = baseVectors[corpus.baseOf(i)];
      byText.put(text(p), i < corpus.bases.size() ? base : perturb(base, new Random(i)));
    }
  }

  static String text(Paper p) {
    return BgeSmallEmbedder.paperText(p.title(), p.abstractText());
  }

  static float[] perturb(float[] v, Random rnd) {
    float[] out = new float[v.length];
    double norm = 0;
    for (int d = 0; d < v.length; d++) {
      out[d] = v[d] + (float) (rnd.nextGaussian() * 0.025);
      norm += out[d] * out[d];
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < v.length; d++) out[d] *= inv;
    return out;
  }

  @Override
  public String modelName() {
    return real.modelName();
  }

  @Override
  public int dimensions() {
    return real.dimensions();
  }

  @Override
  public float[][] embedDocuments(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = byText.get(texts.get(i));
      if (out[i] == null) out[i] = real.embedDocuments(List.of(texts.get(i)))[0];
    }
    return out;
  }

  @Override
  public float[][] embedQueries(List<String> texts) {
    return real.embedQueries(texts);
  }

  @Override
  public void close() {}
}
