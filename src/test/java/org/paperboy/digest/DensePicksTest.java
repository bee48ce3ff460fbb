package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Picks on embeddings: weights per reader, then all readers scored against all candidates at once.
 */
class DensePicksTest {
  static final int DIMS = 16;
  static final Random RND = new Random(7);

  /** A unit vector near topic {@code t} (a noisy copy of the t-th axis). */
  static float[] near(int t) {
    float[] v = new float[DIMS];
    for (int i = 0; i < DIMS; i++) v[i] = (float) (RND.nextGaussian() * 0.15);
    v[t] += 1;
    double n = 0;
    for (float x : v) n += x * x;
    for (int i = 0; i < DIMS; i++) v[i] /= (float) Math.sqrt(n);
    return v;
  }

  static List<float[]> near(int t, int n) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(near(t));
    return out;
  }

  @Test
  void each_reader_gets_the_candidates_of_their_topic_first_from_one_product() {
    // Candidates: 0-4 about topic 0, 5-9 about topic 3, 10 has no vector yet.
    float[][] candidates = new float[11][];
    for (int c = 0; c < 10; c++) candidates[c] = near(c < 5 ? 0 : 3);
    DensePicks picks = new DensePicks(candidates, DIMS);
    float[] fewLikes = picks.weights(near(0, 2), List.of(), 1); // centroid
    float[] manyLikes = picks.weights(near(3, 8), near(5, 16), 2); // linear model
    int[][] top = picks.top(new float[][] {fewLikes, manyLikes, null}, 5);

    assertThat(top[0]).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    assertThat(top[1]).containsExactlyInAnyOrder(5, 6, 7, 8, 9);
    assertThat(top[2]).isEmpty();
    for (int[] all : picks.top(new float[][] {fewLikes, manyLikes}, 11))
      assertThat(all).as("candidate 10 has no vector yet").doesNotContain(10);
  }

  @Test
  void the_linear_model_scores_the_liked_topic_above_the_negatives() {
    DensePicks picks = new DensePicks(new float[][] {near(3), near(5)}, DIMS);
    float[] w = picks.weights(near(3, 6), near(5, 12), 3);

    assertThat(DensePicks.dot(w, near(3)))
        .isGreaterThan(0)
        .isGreaterThan(DensePicks.dot(w, near(5)));
  }

  @Test
  void similarity_is_the_cosine_whether_cached_or_not() {
    float[][] candidates = {near(1), near(2)};
    DensePicks picks = new DensePicks(candidates, DIMS);
    float[] liked = near(1);

    assertThat(picks.similarity("a", liked, 0))
        .isCloseTo(
            DensePicks.dot(liked, candidates[0]), org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(picks.similarity("a", liked, 0)).isGreaterThan(DensePicks.SIMILAR);
    assertThat(picks.similarity("a", liked, 1)).isLessThan(DensePicks.SIMILAR);
  }

  @Test
  void dot_with_eight_sums_equals_the_plain_one() {
    float[] a = new float[37], b = new float[37];
    double plain = 0;
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) RND.nextGaussian();
      b[i] = (float) RND.nextGaussian();
      plain += a[i] * b[i];
    }
    assertThat((double) DensePicks.dot(a, b))
        .isCloseTo(plain, org.assertj.core.data.Offset.offset(1e-4));
  }
}
