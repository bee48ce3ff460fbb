package org.paperboy.digest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.ScoreDoc;
import org.paperboy.digest.DigestPlan.Section;
import org.paperboy.search.Acronym;
import org.paperboy.search.Fusion;
import org.paperboy.search.SearchService;

/**
 * The candidates each distinct alert matches, searched once for all readers in an in-memory index
 * of the candidates ({@link CandidateIndex}). The threshold is on the word match (BM25, relative to
 * the best candidate), because nearest-neighbour search always finds something: an alert about
 * lattice QCD must not pull in the closest LLM papers. With vectors, what passed is ordered by
 * reciprocal-rank fusion of BM25 and cosine.
 */
final class AlertMatches {
  static final int PER_ALERT = 5;

  /** A hit must score at least this share of the alert's best BM25 score among the day's papers. */
  static final double LEXICAL_RELATIVE = 0.65;

  /**
   * How deep each alert's search goes; a hit deeper than this is far below the relevance threshold.
   */
  static final int ALERT_DEPTH = 100;

  /**
   * The fusion constant of the RRF paper. Search uses 5, tuned on SciFact for ranking a corpus;
   * alerts order a handful of papers that already passed the threshold and were never tuned, so
   * they keep 60 and their order stays what readers have been getting.
   */
  static final int FUSION_K = 60;

  /** Candidate positions per alert, best first. */
  private final Map<String, int[]> hits = new HashMap<>();

  /**
   * @param vectors the candidates' vectors, null without any
   */
  AlertMatches(
      List<Subscription> due,
      CandidatePool pool,
      float[][] vectors,
      StoredVectors stored,
      SearchService search) {
    Set<String> distinct = new LinkedHashSet<>();
    due.forEach(s -> distinct.addAll(s.alerts()));
    if (distinct.isEmpty()) return;
    List<String> order = List.copyOf(distinct);
    float[][] queries = vectors == null ? null : stored.queries(order);
    Map<String, String> longForms = new HashMap<>();
    try (CandidateIndex index = new CandidateIndex(pool.papers())) {
      for (int a = 0; a < order.size(); a++) {
        List<CandidateIndex.Hit> found =
            index.search(
                order.get(a),
                ALERT_DEPTH,
                w -> longForms.computeIfAbsent(w, x -> longForm(search, x)));
        float best = 0;
        for (CandidateIndex.Hit h : found) best = Math.max(best, h.score());
        List<Integer> passed = new ArrayList<>();
        for (CandidateIndex.Hit h : found) {
          if (h.score() >= LEXICAL_RELATIVE * best) passed.add(pool.position(h.id()));
        }
        if (queries != null && queries[a] != null && passed.size() > 1)
          passed = fused(passed, queries[a], vectors);
        hits.put(order.get(a), passed.stream().mapToInt(Integer::intValue).toArray());
      }
    }
  }

  private static String longForm(SearchService search, String word) {
    return search
        .acronym(word)
        .flatMap(a -> a.senses().stream().findFirst())
        .map(Acronym.Reading::longForm)
        .orElse(null);
  }

  /**
   * {@code lexical} (best first) reordered by reciprocal-rank fusion with cosine to {@code query}.
   * Fused by rank in {@code lexical}, so a tie keeps the word order.
   */
  private static List<Integer> fused(List<Integer> lexical, float[] query, float[][] vectors) {
    ScoreDoc[] byWords = new ScoreDoc[lexical.size()];
    for (int i = 0; i < byWords.length; i++) byWords[i] = new ScoreDoc(i, 0);
    List<Integer> ranks = new ArrayList<>();
    Map<Integer, Float> cos = new HashMap<>();
    for (int i = 0; i < lexical.size(); i++) {
      float[] v = vectors[lexical.get(i)];
      if (v == null) continue;
      ranks.add(i);
      cos.put(i, DensePicks.dot(query, v));
    }
    ranks.sort((a, b) -> Float.compare(cos.get(b), cos.get(a)));
    ScoreDoc[] byMeaning = ranks.stream().map(i -> new ScoreDoc(i, 0)).toArray(ScoreDoc[]::new);
    return Fusion.rrf(List.of(byWords, byMeaning), FUSION_K, lexical.size()).stream()
        .map(d -> lexical.get(d.doc))
        .toList();
  }

  /** Number of distinct alerts searched. */
  int size() {
    return hits.size();
  }

  /** Fills the alerts section: up to {@link #PER_ALERT} papers per alert of the reader. */
  void fill(Draft d, CandidatePool pool) {
    for (String alert : d.reader.alerts()) {
      int n = 0;
      for (int c : hits.getOrDefault(alert, new int[0])) {
        if (n == PER_ALERT || d.size() == d.reader.maxPapers()) break;
        if (!d.open(c)) continue;
        if (d.add(pool.get(c), Section.ALERTS, Reasons.alert(alert))) n++;
      }
    }
  }
}
