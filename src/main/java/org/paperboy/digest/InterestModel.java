package org.paperboy.digest;

import java.util.List;

/**
 * What one reader likes, learned from the papers they upvoted. With few likes, the centroid of
 * their vectors (cold start); with {@link #LINEAR_FROM} or more, a logistic-regression classifier
 * of liked against older papers they did not like, as arxiv-sanity-lite does with an SVM. Either
 * way a candidate is picked only when it is also close to at least one liked paper, so a thin
 * model does not recommend noise.
 */
final class InterestModel {
  static final int LINEAR_FROM = 5;
  /** Cosine to the nearest liked paper below which a candidate is not "similar" at all. */
  static final double SIMILAR = 0.12;

  private final List<float[]> liked;
  private final float[] weights;
  private final double bias;
  private final boolean linear;

  private InterestModel(List<float[]> liked, float[] weights, double bias, boolean linear) {
    this.liked = liked;
    this.weights = weights;
    this.bias = bias;
    this.linear = linear;
  }

  /** The model for {@code liked} papers; {@code negatives} are used only by the linear model. */
  static InterestModel train(List<float[]> liked, List<float[]> negatives) {
    if (liked.isEmpty()) return new InterestModel(liked, null, 0, false);
    if (liked.size() < LINEAR_FROM || negatives.isEmpty()) {
      float[] c = new float[PaperVectors.DIMS];
      for (float[] v : liked) for (int i = 0; i < c.length; i++) c[i] += v[i] / liked.size();
      return new InterestModel(liked, c, 0, false);
    }
    return linear(liked, negatives);
  }

  /** Plain gradient descent on the L2-regularised log loss, classes weighted to balance. */
  private static InterestModel linear(List<float[]> pos, List<float[]> neg) {
    float[] w = new float[PaperVectors.DIMS];
    double b = 0;
    double wp = 0.5 / pos.size(), wn = 0.5 / neg.size(), lambda = 1e-3, rate = 2.0;
    double[] grad = new double[w.length];
    for (int epoch = 0; epoch < 60; epoch++) {
      java.util.Arrays.fill(grad, 0);
      double gb = 0;
      for (int c = 0; c < 2; c++) {
        List<float[]> xs = c == 0 ? pos : neg;
        double y = c == 0 ? 1 : 0, weight = c == 0 ? wp : wn;
        for (float[] x : xs) {
          double p = 1 / (1 + Math.exp(-(PaperVectors.dot(w, x) + b)));
          double g = (p - y) * weight;
          for (int i = 0; i < x.length; i++) if (x[i] != 0) grad[i] += g * x[i];
          gb += g;
        }
      }
      for (int i = 0; i < w.length; i++) w[i] -= (float) (rate * (grad[i] + lambda * w[i]));
      b -= rate * gb;
    }
    return new InterestModel(pos, w, b, true);
  }

  boolean empty() {
    return liked.isEmpty();
  }

  boolean linear() {
    return linear;
  }

  /** Higher is more interesting; only comparable within one model. */
  double score(float[] v) {
    return PaperVectors.dot(weights, v) + bias;
  }

  /** How many liked papers {@code v} is similar to (0: not a pick). */
  int similarTo(float[] v) {
    int n = 0;
    for (float[] l : liked) if (PaperVectors.dot(l, v) >= SIMILAR) n++;
    return n;
  }
}
