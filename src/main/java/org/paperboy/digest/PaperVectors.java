package org.paperboy.digest;

import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.paperboy.paper.Paper;

/**
 * Bag-of-words vectors of papers by feature hashing: words of the title and abstract, the title
 * counted twice, sublinear term frequency, L2-normalised, kept sparse (a paper has a hundred or so
 * distinct words in 16,384 dimensions). They need no model and no vocabulary, so personal picks
 * work on any install; the interest model only needs a dot product that means "about the same
 * things".
 */
final class PaperVectors {
  static final int DIMS = 1 << 14;
  private static final Set<String> STOP =
      Set.of(
          "the",
          "of",
          "and",
          "to",
          "in",
          "for",
          "on",
          "with",
          "we",
          "is",
          "are",
          "by",
          "this",
          "that",
          "an",
          "as",
          "from",
          "our",
          "be",
          "at",
          "or",
          "which",
          "it",
          "can",
          "these",
          "their",
          "its",
          "has",
          "have",
          "not",
          "also",
          "such",
          "both",
          "into",
          "than",
          "more",
          "using",
          "based",
          "paper",
          "propose",
          "proposed",
          "show",
          "results",
          "method",
          "methods",
          "approach",
          "new");

  /** A sparse vector: dimensions in ascending order and their values. */
  record Sparse(int[] index, float[] value) {
    double dot(Sparse o) {
      double s = 0;
      int i = 0, j = 0;
      while (i < index.length && j < o.index.length) {
        if (index[i] == o.index[j]) s += value[i++] * o.value[j++];
        else if (index[i] < o.index[j]) i++;
        else j++;
      }
      return s;
    }

    double dot(float[] dense) {
      double s = 0;
      for (int i = 0; i < index.length; i++) s += dense[index[i]] * value[i];
      return s;
    }

    /** {@code dense += factor * this}. */
    void addTo(float[] dense, double factor) {
      for (int i = 0; i < index.length; i++) dense[index[i]] += (float) (factor * value[i]);
    }
  }

  private PaperVectors() {}

  static Sparse of(Paper p) {
    TreeMap<Integer, Double> v = new TreeMap<>();
    TreeMap<Integer, Double> tf = new TreeMap<>();
    count(p.title(), 2, tf);
    count(p.abstractText(), 1, tf);
    for (var e : tf.entrySet()) {
      int h = e.getKey();
      double w = 1 + Math.log(e.getValue());
      v.merge(Math.floorMod(h, DIMS), (h >>> 31) == 0 ? w : -w, Double::sum); // signed hashing
    }
    double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    int[] index = new int[v.size()];
    float[] value = new float[v.size()];
    int i = 0;
    for (var e : v.entrySet()) {
      index[i] = e.getKey();
      value[i++] = norm > 0 ? (float) (e.getValue() / norm) : 0f;
    }
    return new Sparse(index, value);
  }

  private static void count(String text, int weight, TreeMap<Integer, Double> tf) {
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() < 2 || STOP.contains(w)) continue;
      if (w.length() > 4 && w.endsWith("s")) w = w.substring(0, w.length() - 1); // models ~ model
      tf.merge(w.hashCode() * 0x9E3779B1, (double) weight, Double::sum);
    }
  }

  static float[] dense() {
    return new float[DIMS];
  }
}
