package org.paperboy.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Rank fusion. Hybrid search uses {@link #confident}, a score fusion weighted by how sure each side
 * is of the query; the digest orders an alert's matches with reciprocal rank fusion (Cormack et
 * al., SIGIR 2009: each list gives a document 1 / (k + rank)), which needs no scores. Hybrid search
 * used RRF with k = 5 until issue 15: on SciFact train it gave 0.757, this fusion 0.768.
 */
public final class Fusion {
  private Fusion() {}

  /**
   * The fused list with constant {@code k}, best first; ties go to the lower doc. Only {@link
   * ScoreDoc#doc} of the inputs is read.
   */
  public static List<ScoreDoc> rrf(List<ScoreDoc[]> lists, int k, int limit) {
    Map<Integer, double[]> scores = new LinkedHashMap<>();
    for (ScoreDoc[] list : lists) {
      for (int rank = 0; rank < list.length; rank++) {
        scores.computeIfAbsent(list[rank].doc, d -> new double[1])[0] += 1.0 / (k + rank + 1);
      }
    }
    List<ScoreDoc> fused = new ArrayList<>(scores.size());
    scores.forEach((doc, s) -> fused.add(new ScoreDoc(doc, (float) s[0])));
    fused.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    return fused.subList(0, Math.min(limit, fused.size()));
  }

  /**
   * Hybrid search's weight of the vectors for a query whose two lists stand out alike: chosen on
   * the SciFact train split (see docs/benchmarks-search.md, 0.5-0.8 tried).
   */
  static final double VECTOR_WEIGHT = 0.6;

  /**
   * The vectors' weight when the query is only acronyms the lexicon knows ("MLM"): BM25 then
   * matches exactly the papers that define or use them, with the readings mined from this corpus,
   * while the model knows an acronym poorly even with a reading spelled out; so BM25 ranks and the
   * vectors mostly break its ties. Chosen on the acronym set (0 to 0.4 tried; SciFact's queries are
   * claims, never an acronym alone). Giving the same lift to any query that names an acronym lost
   * on SciFact train (0.7675 to 0.7611), so a query with other words keeps {@link #VECTOR_WEIGHT}.
   */
  static final double ACRONYM_ALONE_VECTOR_WEIGHT = 0.05;

  /** {@link #confident(ScoreDoc[], ScoreDoc[], int, double)} at {@link #VECTOR_WEIGHT}. */
  static List<ScoreDoc> confident(ScoreDoc[] lexical, ScoreDoc[] semantic, int limit) {
    return confident(lexical, semantic, limit, VECTOR_WEIGHT);
  }

  /**
   * A convex combination of the two lists' min-max normalised scores, each side weighted by how
   * sure it is of this query: how far its top score stands above the mean of its top 10, relative
   * to its whole list's range. A flat list (the model blurring "multilingual" into the many
   * "multimodal" papers, or BM25 on a query of common words) cedes weight to the other side; a
   * peaked one (an acronym only some papers use) takes it. A document missing from a list scores 0
   * there. Ties go to the lower doc. {@code vectorWeight} is the vectors' share when both lists
   * stand out alike.
   */
  static List<ScoreDoc> confident(
      ScoreDoc[] lexical, ScoreDoc[] semantic, int limit, double vectorWeight) {
    // one side alone (only filters: newest first; or no vector yet) keeps its own order
    if (semantic.length == 0) return List.of(lexical).subList(0, Math.min(limit, lexical.length));
    if (lexical.length == 0) return List.of(semantic).subList(0, Math.min(limit, semantic.length));
    double pl = peak(lexical);
    double ps = peak(semantic);
    double ws = vectorWeight * ps / (vectorWeight * ps + (1 - vectorWeight) * pl);
    if (!Double.isFinite(ws)) ws = vectorWeight;
    Map<Integer, double[]> scores = new LinkedHashMap<>();
    add(scores, lexical, 1 - ws);
    add(scores, semantic, ws);
    List<ScoreDoc> fused = new ArrayList<>(scores.size());
    scores.forEach((doc, s) -> fused.add(new ScoreDoc(doc, (float) s[0])));
    fused.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    return fused.subList(0, Math.min(limit, fused.size()));
  }

  /** (top - mean of the top 10) / (top - last) in 0..1; 0.5 when a list is too short to say. */
  static double peak(ScoreDoc[] list) {
    if (list.length < 2) return 0.5;
    int n = Math.min(10, list.length);
    double mean = 0;
    for (int i = 0; i < n; i++) mean += list[i].score / (double) n;
    double range = list[0].score - list[list.length - 1].score;
    return range <= 0 || !Double.isFinite(range) ? 0.5 : (list[0].score - mean) / range;
  }

  private static void add(Map<Integer, double[]> scores, ScoreDoc[] list, double weight) {
    if (list.length == 0) return;
    double hi = list[0].score;
    double lo = list[list.length - 1].score;
    for (ScoreDoc d : list) {
      double norm = hi == lo ? 1 : (d.score - lo) / (hi - lo);
      scores.computeIfAbsent(d.doc, k -> new double[1])[0] += weight * norm;
    }
  }
}
