package org.paperboy.digest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paperboy.paper.Paper;

/**
 * Bag-of-words vectors of papers by feature hashing: words of the title and abstract, the title
 * counted twice, sublinear term frequency, L2-normalised. They need no model and no vocabulary, so
 * personal picks work on any install, also one without the sentence-embedding model; the interest
 * model only needs a dot product that means "about the same things".
 */
final class PaperVectors {
  static final int DIMS = 1 << 14;
  private static final Set<String> STOP = Set.of(
      "the", "of", "and", "to", "in", "for", "on", "with", "we", "is", "are", "by", "this", "that",
      "an", "as", "from", "our", "be", "at", "or", "which", "it", "can", "these", "their", "its",
      "has", "have", "not", "also", "such", "both", "into", "than", "more", "using", "based",
      "paper", "propose", "proposed", "show", "results", "method", "methods", "approach", "new");

  private PaperVectors() {}

  static float[] of(Paper p) {
    Map<Integer, Double> tf = new HashMap<>();
    count(p.title(), 2, tf);
    count(p.abstractText(), 1, tf);
    float[] v = new float[DIMS];
    double norm = 0;
    for (var e : tf.entrySet()) {
      int h = e.getKey();
      double w = 1 + Math.log(e.getValue());
      v[Math.floorMod(h, DIMS)] += (float) (((h >>> 31) == 0) ? w : -w); // signed hashing
    }
    for (float x : v) norm += x * x;
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < v.length; i++) v[i] *= inv;
    }
    return v;
  }

  private static void count(String text, int weight, Map<Integer, Double> tf) {
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() < 2 || STOP.contains(w)) continue;
      if (w.length() > 4 && w.endsWith("s")) w = w.substring(0, w.length() - 1); // models ~ model
      tf.merge(w.hashCode() * 0x9E3779B1, (double) weight, Double::sum);
    }
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
