package org.paperboy.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.paper.Paper;
import org.paperboy.rank.Trending;
import org.paperboy.rank.TrendingService;
import org.paperboy.rank.Window;
import org.paperboy.search.SearchService;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what goes into each digest. Candidates are the papers first seen since the reader's
 * previous digest that were never sent to them; from those, alert matches, then personal picks,
 * then trending (which may reach back further, but never repeats a paper). A {@link Run} is made
 * for all the readers due at once and does everything they share in bulk: the day's papers are
 * loaded once ({@link CandidatePool}), each distinct alert is searched once ({@link AlertMatches}),
 * the papers already sent to anyone are read in one query ({@link SentPapers}), and the personal
 * models are scored as one matrix product ({@link VectorPicks}; {@link WordPicks} without vectors).
 */
final class DigestPlanner {
  private static final Logger log = LoggerFactory.getLogger(DigestPlanner.class);

  private final Jdbi jdbi;
  private final NewPapers newPapers;
  private final PaperRepository papers;
  private final SearchService search;
  private final TrendingService trending;
  private final StoredVectors vectors;
  private final LikedPapers likes;
  private final Executor executor;

  /**
   * @param executor runs the blocks of readers scored on vectors
   */
  DigestPlanner(
      Jdbi jdbi,
      PaperRepository papers,
      SearchService search,
      TrendingService trending,
      StoredVectors vectors,
      LikedPapers likes,
      Executor executor) {
    this.jdbi = jdbi;
    this.newPapers = new NewPapers(jdbi);
    this.papers = papers;
    this.search = search;
    this.trending = trending;
    this.vectors = vectors;
    this.likes = likes;
    this.executor = executor;
  }

  /** Prepares the shared work for {@code due} readers; then call {@link Run#plan} for each. */
  Run run(Collection<Subscription> due, Instant now) {
    return new Run(List.copyOf(due), now);
  }

  /** One planning pass over the readers due now. Not thread-safe. */
  final class Run {
    private final CandidatePool pool;
    private final SentPapers sent;
    private final Map<String, Liked> liked;
    private final TrendingFill trendingFill;
    private final AlertMatches alerts;
    private final VectorPicks vectorPicks; // null without vectors: wordPicks instead
    private final WordPicks wordPicks = new WordPicks(papers, newPapers::before);

    private Run(List<Subscription> due, Instant now) {
      long t0 = System.nanoTime();
      Instant since =
          due.stream().map(Subscription::papersSince).min(Instant::compareTo).orElse(now);
      pool =
          due.isEmpty() ? CandidatePool.empty() : CandidatePool.load(newPapers, papers, since, now);
      boolean anyTrending = due.stream().anyMatch(Subscription::trending);
      Trending list = anyTrending ? trending.trending(Window.DAY, TrendingFill.LIST_LENGTH) : null;
      List<String> keyIds = new ArrayList<>(pool.papers().stream().map(Paper::id).toList());
      if (list != null) list.items().forEach(t -> keyIds.add(t.paper().id()));
      sent = new SentPapers(jdbi, keyIds); // key of a candidate = its position
      trendingFill = list == null ? null : new TrendingFill(list, sent);
      liked = pool.size() == 0 ? Map.of() : likes.of(due);
      float[][] vs = pool.size() == 0 ? new float[0][] : vectors.of(pool.papers());
      boolean haveVectors = Arrays.stream(vs).anyMatch(v -> v != null);
      long t1 = System.nanoTime();
      alerts =
          pool.size() == 0
              ? new AlertMatches(List.of(), pool, null, vectors, search)
              : new AlertMatches(due, pool, haveVectors ? vs : null, vectors, search);
      long t2 = System.nanoTime();
      vectorPicks =
          haveVectors
              ? new VectorPicks(due, vs, liked, newPapers::before, papers, vectors, executor)
              : null;
      if (pool.size() == 0) return;
      log.info(
          "planning {} readers: {} candidates, sent papers and likes loaded in {} ms; {} distinct alerts searched in {} ms;"
              + " picks {} in {} ms",
          due.size(),
          pool.size(),
          (t1 - t0) / 1_000_000,
          alerts.size(),
          (t2 - t1) / 1_000_000,
          haveVectors
              ? "on embeddings, " + vectorPicks.readers() + " readers scored as one matrix product"
              : "on hashed words (per reader)",
          (System.nanoTime() - t2) / 1_000_000);
    }

    DigestPlan plan(Subscription s, LocalDate date) {
      Draft d = new Draft(s, pool.window(s.papersSince()), sent.of(s.id()));
      if (d.available() == 0) return d.plan(date);
      alerts.fill(d, pool);
      // Picks get at most half the digest (at least 3), so alerts and trending keep their room.
      int room = Math.min(s.maxPapers() - d.size(), Math.max(3, s.maxPapers() / 2));
      Liked mine = liked.get(s.email());
      if (room > 0 && mine != null) {
        if (vectorPicks != null) vectorPicks.fill(d, mine, room, pool);
        else wordPicks.fill(d, mine, room, pool);
      }
      if (s.trending() && trendingFill != null) trendingFill.fill(d);
      return d.plan(date);
    }
  }
}
