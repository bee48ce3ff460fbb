package org.paperboy.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.paperboy.app.Config;

/**
 * Offline fusion tuning: ranks every judged query of a split once per side (top 200 BM25, top 200
 * cosine, the engine search uses) and scores fusion variants over those lists: {@code bench/run
 * org.paperboy.search.FusionTuning DIR train}. Prints one line per variant.
 */
public final class FusionTuning {
  record Side(List<String> ids, double[] scores) {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String split = args.length > 1 ? args[1] : "train";
    BeirCollection c = BeirCollection.open(dir, split);
    Path tmp = Files.createTempDirectory("paperboy-fusion-");
    try (EvalCache embedder =
            EvalCache.open(Config.from(null, System.getenv()).search().evalCache());
        PaperIndex index = PaperIndex.open(tmp.resolve("index"), embedder.modelName())) {
      AcronymLexicon lexicon = Evaluation.build(c, index, embedder);
      SearchEngine engine = new SearchEngine(index, embedder, () -> lexicon);
      List<String> qids = new ArrayList<>(c.queries.keySet());
      float[][] vectors =
          embedder.embedQueries(
              qids.stream().map(q -> LexicalQueries.capped(c.queries.get(q))).toList());
      Map<String, Side> lex = new HashMap<>();
      Map<String, Side> sem = new HashMap<>();
      for (int i = 0; i < qids.size(); i++) {
        String q = qids.get(i);
        lex.put(q, side(engine, c.queries.get(q), SearchMode.LEXICAL, null, q));
        sem.put(q, side(engine, c.queries.get(q), SearchMode.SEMANTIC, vectors[i], q));
      }
      // Rocchio on the vectors: the query moved towards the mean of its top 3 documents' vectors
      Map<String, String> texts = new HashMap<>();
      c.forEachDocument(p -> texts.put(p.id(), Indexing.text(p)));
      Map<String, Map<String, Side>> rocchio = new LinkedHashMap<>();
      for (double beta : new double[] {0.25, 0.5}) {
        Map<String, Side> moved = new HashMap<>();
        for (int i = 0; i < qids.size(); i++) {
          String q = qids.get(i);
          List<String> top = sem.get(q).ids().subList(0, Math.min(3, sem.get(q).ids().size()));
          float[][] dv = embedder.embedDocuments(top.stream().map(texts::get).toList());
          float[] v = vectors[i].clone();
          for (float[] d : dv)
            for (int j = 0; j < v.length; j++) v[j] += (float) (beta * d[j] / dv.length);
          double norm = 0;
          for (float x : v) norm += x * x;
          for (int j = 0; j < v.length; j++) v[j] /= (float) Math.sqrt(norm);
          moved.put(q, side(engine, c.queries.get(q), SearchMode.SEMANTIC, v, q));
        }
        rocchio.put("beta=" + beta, moved);
      }
      rocchio.forEach(
          (name, moved) -> {
            double a = 0;
            double b = 0;
            for (String q : qids) {
              a += Metrics.ndcg(moved.get(q).ids(), c.qrels.get(q), 10);
              b += Metrics.ndcg(peaked(lex.get(q), moved.get(q), 0.6, 1), c.qrels.get(q), 10);
            }
            System.out.printf(
                Locale.ROOT,
                "rocchio %s semantic %s ndcg@10=%.4f; peaked hybrid ndcg@10=%.4f%n",
                name,
                split,
                a / qids.size(),
                b / qids.size());
          });
      Map<String, BiFunction<Side, Side, List<String>>> variants = new LinkedHashMap<>();
      variants.put("lexical", (l, s) -> l.ids());
      variants.put("semantic", (l, s) -> s.ids());
      for (int k : new int[] {2, 5, 10, 60})
        for (double ws : new double[] {1, 1.25, 1.5, 2})
          variants.put("rrf k=" + k + " ws=" + ws, (l, s) -> rrf(l, s, k, 1, ws));
      for (double w : new double[] {0.5, 0.6, 0.65, 0.7, 0.75, 0.8})
        variants.put("minmax w=" + w, (l, s) -> convex(l, s, w, false));
      for (double w : new double[] {0.5, 0.6, 0.7, 0.8})
        variants.put("zscore w=" + w, (l, s) -> convex(l, s, w, true));
      for (double w : new double[] {0.6, 0.7})
        for (double a : new double[] {0.5, 1})
          variants.put("peaked minmax w=" + w + " a=" + a, (l, s) -> peaked(l, s, w, a));
      variants.forEach(
          (name, f) -> {
            double ndcg = 0;
            for (String q : qids) {
              ndcg += Metrics.ndcg(f.apply(lex.get(q), sem.get(q)), c.qrels.get(q), 10);
            }
            System.out.printf(
                Locale.ROOT, "%-32s %s ndcg@10=%.4f%n", name, split, ndcg / qids.size());
          });
    }
  }

  private static Side side(SearchEngine e, String text, SearchMode m, float[] v, String qid) {
    SearchRequest r = new SearchRequest(text, m, SearchEngine.CANDIDATES, null, null, List.of());
    List<String> ids = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (SearchHit h : e.search(ParsedQuery.plain(text), r, v, false).hits()) {
      if (h.id().equals(qid)) continue;
      ids.add(h.id());
      scores.add(h.score());
    }
    return new Side(ids, scores.stream().mapToDouble(Double::doubleValue).toArray());
  }

  static List<String> rrf(Side l, Side s, int k, double wl, double ws) {
    Map<String, Double> f = new HashMap<>();
    for (int i = 0; i < l.ids().size(); i++) f.merge(l.ids().get(i), wl / (k + i + 1), Double::sum);
    for (int i = 0; i < s.ids().size(); i++) f.merge(s.ids().get(i), ws / (k + i + 1), Double::sum);
    return sorted(f);
  }

  static List<String> convex(Side l, Side s, double w, boolean z) {
    Map<String, Double> f = new HashMap<>();
    add(f, l, 1 - w, z);
    add(f, s, w, z);
    return sorted(f);
  }

  /** The side whose top score stands further above its own list weighs more. */
  static List<String> peaked(Side l, Side s, double w, double a) {
    double pl = peak(l);
    double ps = peak(s);
    double ws = w * Math.pow(ps, a) / (w * Math.pow(ps, a) + (1 - w) * Math.pow(pl, a));
    if (!Double.isFinite(ws)) ws = w;
    return convex(l, s, ws, false);
  }

  /** (top - mean of the top 10) / (top - last): how far the first stands out, 0..1. */
  static double peak(Side x) {
    double[] v = x.scores();
    if (v.length < 2) return 0.5;
    double mean = 0;
    int n = Math.min(10, v.length);
    for (int i = 0; i < n; i++) mean += v[i] / n;
    double range = v[0] - v[v.length - 1];
    return range <= 0 ? 0.5 : (v[0] - mean) / range;
  }

  private static void add(Map<String, Double> f, Side x, double w, boolean z) {
    double[] v = x.scores();
    if (v.length == 0) return;
    double lo = v[v.length - 1];
    double hi = v[0];
    double mean = 0;
    for (double d : v) mean += d / v.length;
    double var = 0;
    for (double d : v) var += (d - mean) * (d - mean) / v.length;
    double sd = Math.sqrt(var);
    for (int i = 0; i < v.length; i++) {
      double n = z ? (sd == 0 ? 0 : (v[i] - mean) / sd) : (hi == lo ? 1 : (v[i] - lo) / (hi - lo));
      f.merge(x.ids().get(i), w * n, Double::sum);
    }
    // z-scores: a document the side did not list gets the side's floor, not 0 (its mean)
    if (z) {
      double floor = sd == 0 ? 0 : (lo - mean) / sd;
      f.replaceAll((id, sc) -> x.ids().contains(id) ? sc : sc + w * floor);
    }
  }

  private static List<String> sorted(Map<String, Double> f) {
    return f.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(100)
        .map(Map.Entry::getKey)
        .toList();
  }
}
