package org.paperboy.digest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Personal picks on the papers' sentence embeddings (bge-small, unit length). Each reader gets a
 * weight vector: the centroid of their liked papers when they liked fewer than {@link
 * InterestModel#LINEAR_FROM}; from then on a linear classifier (a few epochs of L2-regularised
 * logistic regression, liked papers against older papers they did not like), as arxiv-sanity-lite
 * does with an SVM. All readers are then scored against all candidates as one matrix product
 * (readers x dims times dims x candidates), blocked so a block of readers shares each row of the
 * candidate matrix while it is in cache; the inner loop is a plain {@code acc[c] += w * x[c]},
 * which the JIT vectorises.
 */
final class DensePicks {
  /**
   * Cosine to a liked paper from which a candidate counts as "similar" (bge vectors sit well above
   * 0 even for unrelated texts).
   */
  static final float SIMILAR = 0.6f;

  private static final int EPOCHS = 5;
  private static final int READER_BLOCK = 8;

  /**
   * Rows of liked-paper-to-candidate similarities kept for reuse (each is one float per candidate).
   */
  private static final int MAX_CACHED_ROWS = 20_000;

  private final int dims;
  private final int count;

  /**
   * dims x candidates, so the inner loop runs along candidates; a candidate without a vector is a
   * zero column.
   */
  private final float[][] byDim;

  private final boolean[] present;
  private final Map<String, float[]> similarRows = new HashMap<>();

  DensePicks(float[][] candidates, int dims) {
    this.dims = dims;
    this.count = candidates.length;
    this.byDim = new float[dims][count];
    this.present = new boolean[count];
    for (int c = 0; c < count; c++) {
      if (candidates[c] == null) continue;
      present[c] = true;
      for (int k = 0; k < dims; k++) byDim[k][c] = candidates[c][k];
    }
  }

  /**
   * A reader's weights: the centroid of {@code liked}, or a linear model of liked against {@code
   * negatives}.
   */
  float[] weights(List<float[]> liked, List<float[]> negatives, long seed) {
    float[] w = new float[dims];
    if (liked.size() < InterestModel.LINEAR_FROM || negatives.isEmpty()) {
      for (float[] v : liked) for (int k = 0; k < dims; k++) w[k] += v[k] / liked.size();
      return w;
    }
    int n = liked.size() + negatives.size();
    // Classes weighted to balance: a handful of likes must not be drowned by the negatives.
    double wp = n / (2.0 * liked.size()), wn = n / (2.0 * negatives.size());
    double b = 0, rate = 0.5, lambda = 1e-3;
    long state = seed * 0x9E3779B97F4A7C15L + 1;
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (int step = 0; step < n; step++) {
        state =
            state * 6364136223846793005L
                + 1442695040888963407L; // one LCG step: cheap, reproducible order
        int i = (int) ((state >>> 33) % n);
        boolean positive = i < liked.size();
        float[] x = positive ? liked.get(i) : negatives.get(i - liked.size());
        double z = b + dot(w, x);
        double g = (1 / (1 + Math.exp(-z)) - (positive ? 1 : 0)) * (positive ? wp : wn);
        float decay = (float) (1 - rate * lambda), step2 = (float) (-rate * g);
        for (int k = 0; k < dims; k++) w[k] = w[k] * decay + step2 * x[k];
        b -= rate * g;
      }
    }
    return w;
  }

  /**
   * A dot product with eight running sums: one sum is a chain of dependent additions the JIT may
   * not reorder (floating point), eight independent ones keep the pipeline full.
   */
  static float dot(float[] a, float[] b) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int n = a.length, i = 0;
    for (; i + 8 <= n; i += 8) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
      s4 += a[i + 4] * b[i + 4];
      s5 += a[i + 5] * b[i + 5];
      s6 += a[i + 6] * b[i + 6];
      s7 += a[i + 7] * b[i + 7];
    }
    float s = (s0 + s1) + (s2 + s3) + (s4 + s5) + (s6 + s7);
    for (; i < n; i++) s += a[i] * b[i];
    return s;
  }

  /**
   * For each reader (a row of {@code weights}; null for none), the {@code k} best-scored candidates
   * with a vector, best first. The scores are one matrix product.
   */
  int[][] top(float[][] weights, int k) {
    int[][] out = new int[weights.length][];
    float[][] acc = new float[READER_BLOCK][count];
    for (int from = 0; from < weights.length; from += READER_BLOCK) {
      int to = Math.min(weights.length, from + READER_BLOCK);
      for (int r = from; r < to; r++) java.util.Arrays.fill(acc[r - from], 0f);
      for (int d = 0; d < dims; d++) {
        float[] row = byDim[d];
        for (int r = from; r < to; r++) {
          if (weights[r] == null) continue;
          float a = weights[r][d];
          float[] s = acc[r - from];
          for (int c = 0; c < count; c++) s[c] += a * row[c];
        }
      }
      for (int r = from; r < to; r++)
        out[r] = weights[r] == null ? new int[0] : best(acc[r - from], k);
    }
    return out;
  }

  /** The indices of the {@code k} highest scores among candidates with a vector, best first. */
  private int[] best(float[] scores, int k) {
    int[] heap = new int[Math.min(k, count)]; // a min-heap on score of the best seen so far
    int size = 0;
    for (int c = 0; c < count; c++) {
      if (!present[c]) continue;
      if (size < heap.length) {
        heap[size] = c;
        int i = size++;
        while (i > 0 && scores[heap[(i - 1) / 2]] > scores[heap[i]]) {
          swap(heap, i, (i - 1) / 2);
          i = (i - 1) / 2;
        }
      } else if (heap.length > 0 && scores[c] > scores[heap[0]]) {
        heap[0] = c;
        for (int i = 0; ; ) {
          int l = 2 * i + 1, r = l + 1, m = i;
          if (l < size && scores[heap[l]] < scores[heap[m]]) m = l;
          if (r < size && scores[heap[r]] < scores[heap[m]]) m = r;
          if (m == i) break;
          swap(heap, i, m);
          i = m;
        }
      }
    }
    Integer[] sorted = new Integer[size];
    for (int i = 0; i < size; i++) sorted[i] = heap[i];
    java.util.Arrays.sort(
        sorted,
        (a, b) ->
            scores[b] != scores[a] ? Float.compare(scores[b], scores[a]) : Integer.compare(a, b));
    int[] result = new int[size];
    for (int i = 0; i < size; i++) result[i] = sorted[i];
    return result;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /**
   * Cosine of liked paper {@code likedId} (vector {@code liked}) to candidate {@code c}. Readers
   * share liked papers, so a liked paper's similarities to all candidates are computed once (the
   * same axpy loop) and kept, up to a bound.
   */
  float similarity(String likedId, float[] liked, int c) {
    float[] row = similarRows.get(likedId);
    if (row == null && similarRows.size() < MAX_CACHED_ROWS) {
      row = new float[count];
      for (int d = 0; d < dims; d++) {
        float a = liked[d];
        float[] x = byDim[d];
        for (int i = 0; i < count; i++) row[i] += a * x[i];
      }
      similarRows.put(likedId, row);
    }
    if (row != null) return row[c];
    float s = 0;
    for (int d = 0; d < dims; d++) s += liked[d] * byDim[d][c];
    return s;
  }
}
