package org.paperboy.digest;

import java.util.List;
import org.paperboy.digest.PaperVectors.Sparse;

/**
 * What one reader likes, learned from the papers they liked (upvoted, saved or opened from a
 * digest). With few likes, the centroid of their vectors (cold start); with {@link #LINEAR_FROM} or
 * more, a logistic-regression classifier of liked against older papers they did not like, as
 * arxiv-sanity-lite does with an SVM. Either way a candidate is picked only when it is also close
 * to at least one liked paper, so a thin model does not recommend noise.
 */
final class InterestModel {
  static final int LINEAR_FROM = 5;

  /** Cosine to the nearest liked paper below which a candidate is not "similar" at all. */
  static final double SIMILAR = 0.12;

  private static final int EPOCHS = 40;

  private final float[] weights;
  private final double scale;
  private final double bias;

  private InterestModel(float[] weights, double scale, double bias) {
    this.weights = weights;
    this.scale = scale;
    this.bias = bias;
  }

  /** The model for {@code liked} papers; {@code negatives} are used only by the linear model. */
  static InterestModel train(List<Sparse> liked, List<Sparse> negatives) {
    if (liked.isEmpty()) return new InterestModel(null, 1, 0);
    if (liked.size() < LINEAR_FROM || negatives.isEmpty()) {
      float[] c = PaperVectors.dense();
      for (Sparse v : liked) v.addTo(c, 1.0 / liked.size());
      return new InterestModel(c, 1, 0);
    }
    return linear(liked, negatives);
  }

  /**
   * Stochastic gradient descent on the L2-regularised log loss, classes weighted to balance. The
   * weights are kept as {@code scale * w} so the decay of every step costs one multiplication, not
   * a pass over all 16,384 dimensions: training touches only the words the papers have.
   */
  private static InterestModel linear(List<Sparse> pos, List<Sparse> neg) {
    float[] w = PaperVectors.dense();
    double scale = 1, b = 0, lambda = 1e-4, rate = 0.5;
    double wp = (pos.size() + neg.size()) / (2.0 * pos.size()),
        wn = (pos.size() + neg.size()) / (2.0 * neg.size());
    int n = pos.size() + neg.size();
    java.util.Random order = new java.util.Random(pos.size() * 31L + neg.size());
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (int step = 0; step < n; step++) {
        int k = order.nextInt(n);
        boolean positive = k < pos.size();
        Sparse x = positive ? pos.get(k) : neg.get(k - pos.size());
        double p = 1 / (1 + Math.exp(-(scale * x.dot(w) + b)));
        double g = (p - (positive ? 1 : 0)) * (positive ? wp : wn);
        scale *= 1 - rate * lambda;
        x.addTo(w, -rate * g / scale);
        b -= rate * g;
      }
    }
    return new InterestModel(w, scale, b);
  }

  /** Higher is more interesting; only comparable within one model. */
  double score(Sparse v) {
    return scale * v.dot(weights) + bias;
  }
}
