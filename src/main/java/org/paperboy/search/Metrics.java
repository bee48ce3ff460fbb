package org.paperboy.search;

import java.util.List;
import java.util.Map;

/**
 * trec_eval's definitions: nDCG@k with the judged grade as gain and log2(rank + 1) discount, the
 * ideal list built from the judgments; recall@k over documents with a grade above 0.
 */
final class Metrics {
  private Metrics() {}

  static double ndcg(List<String> ranked, Map<String, Integer> judged, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      int grade = judged.getOrDefault(ranked.get(i), 0);
      if (grade > 0) dcg += grade / log2(i + 2);
    }
    int[] ideal =
        judged.values().stream()
            .filter(g -> g > 0)
            .sorted((a, b) -> b - a)
            .mapToInt(g -> g)
            .toArray();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.length); i++) idcg += ideal[i] / log2(i + 2);
    return idcg == 0 ? 0 : dcg / idcg;
  }

  static double recall(List<String> ranked, Map<String, Integer> judged, int k) {
    long relevant = judged.values().stream().filter(g -> g > 0).count();
    if (relevant == 0) return 0;
    long found = ranked.stream().limit(k).filter(d -> judged.getOrDefault(d, 0) > 0).count();
    return (double) found / relevant;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
