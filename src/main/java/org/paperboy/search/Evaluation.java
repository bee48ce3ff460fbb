package org.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.paperboy.embed.Embedder;
import org.paperboy.paper.Paper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation harness: indexes a BEIR-layout collection in a temporary directory (never the
 * reader's data), runs every judged query through the same {@link SearchEngine} readers use, with
 * queries taken literally (no search syntax), and scores the top 100.
 */
public final class Evaluation {
  private static final Logger log = LoggerFactory.getLogger(Evaluation.class);
  private static final int DEPTH = 100;
  private static final int BATCH = 256;

  /**
   * One query's scores and what was ranked for it (the top 100, its own id dropped).
   *
   * @param ranked best first
   */
  public record QueryScore(String qid, double ndcg10, double recall100, List<SearchHit> ranked) {
    public QueryScore {
      ranked = List.copyOf(ranked);
    }
  }

  /**
   * The scores of one run.
   *
   * @param perQuery in the order of the qrels file
   */
  public record Result(double ndcg10, double recall100, int queries, List<QueryScore> perQuery) {
    public Result {
      perQuery = List.copyOf(perQuery);
    }

    /** The one line {@code paperboy eval} prints. */
    public String line() {
      return String.format(
          Locale.ROOT, "ndcg@10=%.4f recall@100=%.4f queries=%d", ndcg10, recall100, queries);
    }
  }

  private Evaluation() {}

  /**
   * Evaluates {@code mode} on the collection in {@code dir}. {@code embedder} is needed for the
   * semantic and hybrid modes (pass a caching one so a re-run embeds nothing); null for lexical.
   */
  public static Result run(Path dir, SearchMode mode, Embedder embedder) {
    return run(dir, "test", mode, embedder);
  }

  /** As {@link #run(Path, SearchMode, Embedder)}, judged by {@code qrels/SPLIT.tsv}. */
  public static Result run(Path dir, String split, SearchMode mode, Embedder embedder) {
    if (mode.usesVectors() && embedder == null) {
      throw new IllegalArgumentException(mode + " evaluation needs an embedder");
    }
    BeirCollection collection = BeirCollection.open(dir, split);
    Path tmp = tempDir();
    Embedder vectors = mode.usesVectors() ? embedder : null;
    try (PaperIndex index =
        PaperIndex.open(tmp.resolve("index"), vectors == null ? "none" : vectors.modelName())) {
      AcronymLexicon lexicon = build(collection, index, vectors);
      SearchEngine engine = new SearchEngine(index, vectors, () -> lexicon);
      return score(collection, engine, mode, vectors);
    } finally {
      delete(tmp);
    }
  }

  static AcronymLexicon build(BeirCollection c, PaperIndex index, Embedder embedder) {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    List<Paper> batch = new ArrayList<>(BATCH);
    int[] n = {0};
    c.forEachDocument(
        p -> {
          batch.add(p);
          if (batch.size() == BATCH) {
            n[0] += flush(batch, index, embedder, counts);
            if (n[0] % 2560 == 0) log.info("indexed {} documents", n[0]);
          }
        });
    n[0] += flush(batch, index, embedder, counts);
    index.commit();
    log.info("indexed {} documents of {}", n[0], c.dir);
    return AcronymLexicon.of(counts);
  }

  private static int flush(
      List<Paper> batch, PaperIndex index, Embedder e, Map<String, Map<String, Integer>> counts) {
    int size = batch.size();
    if (size == 0) return 0;
    index.add(Indexing.documents(batch, e));
    SearchService.mine(batch)
        .values()
        .forEach(
            defs ->
                defs.forEach(
                    d ->
                        counts
                            .computeIfAbsent(d.shortForm(), k -> new HashMap<>())
                            .merge(d.longForm(), 1, Integer::sum)));
    batch.clear();
    return size;
  }

  private static Result score(
      BeirCollection c, SearchEngine engine, SearchMode mode, Embedder embedder) {
    List<String> ids = new ArrayList<>(c.queries.keySet());
    float[][] vectors = null;
    if (embedder != null) {
      vectors =
          embedder.embedQueries(
              ids.stream()
                  .map(id -> engine.embeddingText(ParsedQuery.plain(c.queries.get(id))))
                  .toList());
    }
    double ndcg = 0;
    double recall = 0;
    List<QueryScore> perQuery = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      String qid = ids.get(i);
      String text = c.queries.get(qid);
      // one extra: BEIR drops a document whose id is the query's own (e.g. ArguAna, Quora)
      SearchRequest r = new SearchRequest(text, mode, DEPTH + 1, null, null, List.of());
      List<SearchHit> hits = new ArrayList<>();
      for (SearchHit h :
          engine
              .search(ParsedQuery.plain(text), r, vectors == null ? null : vectors[i], false)
              .hits()) {
        if (!h.id().equals(qid) && hits.size() < DEPTH) hits.add(h);
      }
      List<String> ranked = hits.stream().map(SearchHit::id).toList();
      Map<String, Integer> judged = c.qrels.get(qid);
      double qNdcg = Metrics.ndcg(ranked, judged, 10);
      double qRecall = Metrics.recall(ranked, judged, DEPTH);
      ndcg += qNdcg;
      recall += qRecall;
      perQuery.add(new QueryScore(qid, qNdcg, qRecall, hits));
    }
    int n = ids.size();
    return new Result(n == 0 ? 0 : ndcg / n, n == 0 ? 0 : recall / n, n, perQuery);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("paperboy-eval-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      log.warn("could not delete {}: {}", dir, e.toString());
    }
  }
}
