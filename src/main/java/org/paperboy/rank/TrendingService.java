package org.paperboy.rank;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperRepository;

/**
 * Computes trending lists with {@link TrendingFormula}. The paper side of a window ends on the
 * newest feed day (the newest publication date not in the future), not on the wall clock: arXiv
 * does not announce on weekends and a store may be fed in batches, and trending should still show
 * the last batch. Votes happen here and now, so their side of the window ends on the clock.
 *
 * <p>The external part (a range scan over a month of papers on a big store) changes only when
 * papers are ingested, so it is kept for {@link #EXTERNAL_TTL} per window and feed day; votes are
 * read on every call, so an upvote shows at once.
 */
public final class TrendingService {
  /** The most papers any list holds; the score of the rest is not worth computing twice. */
  public static final int MAX_LIMIT = 500;

  static final Duration EXTERNAL_TTL = Duration.ofSeconds(60);

  private record External(LocalDate feedDay, Instant computed, Map<String, Double> scores) {}

  private final Map<Window, External> external = new ConcurrentHashMap<>();

  private final Jdbi jdbi;
  private final PaperRepository papers;
  private final Votes votes;
  private final TrendingFormula formula;
  private final Clock clock;

  public TrendingService(
      Jdbi jdbi, PaperRepository papers, Votes votes, TrendingFormula formula, Clock clock) {
    this.jdbi = jdbi;
    this.papers = papers;
    this.votes = votes;
    this.formula = formula;
    this.clock = clock;
  }

  /** Forgets the kept external scores; the store changed. */
  public void invalidate() {
    external.clear();
  }

  public TrendingFormula formula() {
    return formula;
  }

  /** The top {@code limit} papers of {@code window}, best first; ties by newer id. */
  public Trending trending(Window window, int limit) {
    Instant now = clock.instant();
    LocalDate feedDay = feedDay(LocalDate.ofInstant(now, ZoneOffset.UTC));
    Map<String, Double> scores = new HashMap<>(external(window, feedDay, now));
    for (Votes.Cast v : votes.since(now.minus(Duration.ofDays(window.days())))) {
      double age = Duration.between(v.at(), now).toMillis() / 86_400_000.0;
      scores.merge(v.paperId(), formula.vote(age, window), Double::sum);
    }
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
    ranked.sort(
        Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
    List<String> top =
        ranked.stream().limit(Math.min(limit, MAX_LIMIT)).map(Map.Entry::getKey).toList();
    Map<String, Paper> found = papers.findAll(top);
    Map<String, Integer> counts = votes.counts(top);
    List<TrendingItem> items = new ArrayList<>();
    for (String id : top) {
      Paper p = found.get(id);
      if (p != null) items.add(new TrendingItem(p, scores.get(id), counts.getOrDefault(id, 0)));
    }
    return new Trending(window, feedDay, items);
  }

  private Map<String, Double> external(Window window, LocalDate feedDay, Instant now) {
    External cached = external.get(window);
    if (cached != null
        && cached.feedDay().equals(feedDay)
        && Duration.between(cached.computed(), now).compareTo(EXTERNAL_TTL) < 0) {
      return cached.scores();
    }
    Map<String, Double> scores = new HashMap<>();
    for (Signal s : externalSignals(feedDay.minusDays(window.days() - 1L), feedDay)) {
      double age = ChronoUnit.DAYS.between(s.published(), feedDay);
      double part = formula.external(s.hfUpvotes(), s.githubStars(), age, window);
      if (part > 0) scores.merge(s.id(), part, Double::sum);
    }
    external.put(window, new External(feedDay, now, Map.copyOf(scores)));
    return scores;
  }

  /** The newest publication date up to {@code today}, or today for an empty store. */
  LocalDate feedDay(LocalDate today) {
    return jdbi.withHandle(
            h ->
                // ORDER BY ... LIMIT 1 stops at the first index entry; MAX(...) WHERE scans them
                // all.
                h.createQuery(
                        "SELECT published FROM papers WHERE published <= :today"
                            + " ORDER BY published DESC LIMIT 1")
                    .bind("today", today)
                    .mapTo(LocalDate.class)
                    .findOne())
        .orElse(today);
  }

  private record Signal(String id, LocalDate published, Integer hfUpvotes, Integer githubStars) {}

  private List<Signal> externalSignals(LocalDate from, LocalDate to) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, published, hf_upvotes, github_stars FROM papers"
                        + " WHERE published BETWEEN :from AND :to"
                        + " AND (hf_upvotes > 0 OR github_stars > 0)")
                .bind("from", from)
                .bind("to", to)
                .map(
                    (rs, ctx) ->
                        new Signal(
                            rs.getString(1),
                            rs.getObject(2, LocalDate.class),
                            rs.getObject(3, Integer.class),
                            rs.getObject(4, Integer.class)))
                .list());
  }
}
