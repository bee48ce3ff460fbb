package org.paperboy.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.BadInputException;
import org.paperboy.digest.DigestPlan.Item;
import org.paperboy.digest.DigestPlan.Section;
import org.paperboy.digest.PaperVectors.Sparse;
import org.paperboy.paper.Paper;
import org.paperboy.rank.Trending;
import org.paperboy.rank.TrendingItem;
import org.paperboy.rank.TrendingService;
import org.paperboy.rank.Window;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;
import org.paperboy.search.SearchResult;
import org.paperboy.search.SearchService;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what goes into each digest. Candidates are the papers first seen since the reader's
 * previous digest that were never sent to them; from those, alert matches, then personal picks,
 * then trending (which may reach back further, but never repeats a paper). One {@link Run} serves
 * many subscribers and shares what they have in common: an alert that ten readers saved is
 * searched once, the trending list is computed once.
 */
final class DigestPlanner {
  private static final Logger log = LoggerFactory.getLogger(DigestPlanner.class);
  static final int MAX_CANDIDATES = 5000;
  static final int PER_ALERT = 5;
  static final int MAX_TRENDING = 5;
  /** A hit must score at least this share of the alert's best BM25 score to count. */
  static final double LEXICAL_RELATIVE = 0.65;
  /** How deep each alert's search goes; a hit deeper than this is far below the relevance threshold. */
  static final int ALERT_DEPTH = 100;

  private final Jdbi jdbi;
  private final PaperRepository papers;
  private final SearchService search;
  private final TrendingService trending;

  DigestPlanner(Jdbi jdbi, PaperRepository papers, SearchService search, TrendingService trending) {
    this.jdbi = jdbi;
    this.papers = papers;
    this.search = search;
    this.trending = trending;
  }

  Run run() {
    return new Run();
  }

  /** One planning pass; caches live as long as it does. Not thread-safe. */
  final class Run {
    private final Map<String, List<SearchHit>> alertHits = new HashMap<>();
    private final Map<Instant, Map<String, Paper>> candidatesSince = new HashMap<>();
    private final Map<String, Sparse> vectors = new HashMap<>();
    private final Map<Instant, List<String>> negativesSince = new HashMap<>();
    private Map<String, List<String>> likes;
    private Trending trendingList;

    DigestPlan plan(Subscription s, LocalDate date, Instant now) {
      // Readers whose previous digest went out in the same run share a cut-off, so one query serves them all.
      Map<String, Paper> shared = candidatesSince.computeIfAbsent(s.papersSince(), since -> candidates(since, now));
      Set<String> sent = shared.isEmpty() ? Set.of() : sentSince(s);
      Map<String, Paper> candidates = shared;
      if (sent.stream().anyMatch(shared::containsKey)) {
        candidates = new LinkedHashMap<>(shared);
        candidates.keySet().removeAll(sent);
      }
      List<Item> items = new ArrayList<>();
      if (candidates.isEmpty()) return new DigestPlan(s, date, 0, items);
      Set<String> taken = new java.util.HashSet<>();
      for (String alert : s.alerts()) {
        int n = 0;
        for (SearchHit h : matches(alert, candidates)) {
          if (n == PER_ALERT || items.size() == s.maxPapers()) break;
          if (taken.add(h.id())) {
            items.add(new Item(candidates.get(h.id()), Section.ALERTS, "matches your alert '" + alert + "'"));
            n++;
          }
        }
      }
      picks(s, candidates, taken, items);
      if (s.trending()) trending(s, taken, items);
      return new DigestPlan(s, date, candidates.size(), items);
    }

    private List<SearchHit> matches(String alert, Map<String, Paper> candidates) {
      List<SearchHit> hits = alertHits.computeIfAbsent(alert, this::search);
      return hits.stream().filter(h -> candidates.containsKey(h.id())).toList();
    }

    /**
     * The hits of one alert that pass the relevance threshold, best first. The threshold is on the
     * word match (BM25, relative to the query's best hit), because nearest-neighbour search always
     * finds something: an alert about lattice QCD must not pull in the closest LLM papers. With
     * vectors, the hybrid ranking orders what passed.
     */
    private List<SearchHit> search(String alert) {
      SearchResult words;
      try {
        words = DigestPlanner.this.search.search(
            new SearchRequest(alert, SearchMode.LEXICAL, ALERT_DEPTH, null, null, List.of()));
      } catch (BadInputException e) {
        log.warn("alert '{}' is not a valid query and is skipped: {}", alert, e.getMessage());
        return List.of();
      }
      double best = words.hits().stream().mapToDouble(SearchHit::score).filter(d -> !Double.isNaN(d)).max().orElse(0);
      Map<String, SearchHit> passed = new LinkedHashMap<>();
      for (SearchHit h : words.hits()) if (h.pinned() || h.score() >= LEXICAL_RELATIVE * best) passed.put(h.id(), h);
      if (passed.isEmpty() || !DigestPlanner.this.search.semanticAvailable()) return List.copyOf(passed.values());
      List<SearchHit> ordered = new ArrayList<>();
      for (SearchHit h : DigestPlanner.this.search.search(new SearchRequest(alert, SearchMode.HYBRID, ALERT_DEPTH, null, null, List.of())).hits()) {
        if (passed.remove(h.id()) != null) ordered.add(h);
      }
      ordered.addAll(passed.values());
      return ordered;
    }

    private void picks(Subscription s, Map<String, Paper> candidates, Set<String> taken, List<Item> items) {
      int room = Math.min(s.maxPapers() - items.size(), Math.max(3, s.maxPapers() / 2));
      if (room <= 0) return;
      if (likes == null) likes = likes();
      List<String> likedIds = likes.getOrDefault(s.email(), List.of());
      if (likedIds.isEmpty()) return;
      List<Sparse> liked = vectors(likedIds);
      List<Sparse> negatives = liked.size() < InterestModel.LINEAR_FROM ? List.of()
          : vectors(negativesSince.computeIfAbsent(s.papersSince(), DigestPlanner.this::negatives).stream()
              .filter(id -> !likedIds.contains(id)).limit(200).toList());
      InterestModel model = InterestModel.train(liked, negatives);
      record Scored(Paper paper, Sparse vector, double score) {}
      List<Scored> scored = new ArrayList<>();
      for (Paper p : candidates.values()) {
        if (taken.contains(p.id()) || likedIds.contains(p.id())) continue;
        Sparse v = vector(p);
        scored.add(new Scored(p, v, model.score(v)));
      }
      scored.sort(java.util.Comparator.comparingDouble((Scored x) -> -x.score()).thenComparing(x -> x.paper().id()));
      // The similarity check costs a dot product per liked paper: only for the best-scored few.
      int added = 0;
      for (Scored x : scored.subList(0, Math.min(scored.size(), 10 * room))) {
        if (added == room) break;
        int similar = model.similarTo(x.vector());
        if (similar == 0) continue;
        taken.add(x.paper().id());
        String reason = "similar to " + similar + (similar == 1 ? " paper" : " papers") + " you upvoted";
        items.add(new Item(x.paper(), Section.PICKS, reason));
        added++;
      }
    }

    private Sparse vector(Paper p) {
      return vectors.computeIfAbsent(p.id(), id -> PaperVectors.of(p));
    }

    /** The vectors of the stored papers among {@code ids}, loading only those not seen in this run. */
    private List<Sparse> vectors(List<String> ids) {
      List<String> missing = ids.stream().filter(id -> !vectors.containsKey(id)).toList();
      if (!missing.isEmpty()) papers.findAll(missing).values().forEach(this::vector);
      return ids.stream().map(vectors::get).filter(java.util.Objects::nonNull).toList();
    }

    private void trending(Subscription s, Set<String> taken, List<Item> items) {
      if (trendingList == null) trendingList = trending.trending(Window.DAY, 50);
      List<TrendingItem> list = trendingList.items();
      Set<String> sent = sent(s.id(), list.stream().map(i -> i.paper().id()).toList());
      int n = 0;
      for (TrendingItem t : list) {
        if (n == MAX_TRENDING || items.size() >= s.maxPapers()) break;
        String id = t.paper().id();
        if (sent.contains(id) || !taken.add(id)) continue;
        int hf = t.paper().signals().hfUpvotes() == null ? 0 : t.paper().signals().hfUpvotes();
        int up = t.votes() + hf;
        items.add(new Item(t.paper(), Section.TRENDING, up > 0 ? "trending: " + up + (up == 1 ? " upvote" : " upvotes") : "trending"));
        n++;
      }
    }
  }

  /** Papers first seen in (since, now], newest first. */
  private Map<String, Paper> candidates(Instant since, Instant now) {
    List<String> ids = jdbi.withHandle(h -> h.createQuery(
            "SELECT id FROM papers WHERE first_seen > :since AND first_seen <= :now"
                + " ORDER BY first_seen DESC, id LIMIT " + MAX_CANDIDATES)
        .bind("since", since).bind("now", now)
        .mapTo(String.class).list());
    Map<String, Paper> found = papers.findAll(ids);
    Map<String, Paper> ordered = new LinkedHashMap<>();
    for (String id : ids) if (found.containsKey(id)) ordered.put(id, found.get(id));
    return ordered;
  }

  /** What each account upvoted, by address (a subscriber's picks come from the account with their address). */
  private Map<String, List<String>> likes() {
    Map<String, List<String>> out = new HashMap<>();
    jdbi.useHandle(h -> h.createQuery("SELECT a.email, v.paper_id FROM votes v JOIN accounts a ON a.id = v.account_id"
            + " ORDER BY a.email, v.voted_at DESC")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
    return out;
  }

  /** Papers from before a cut-off: the other class of the linear model, minus what the reader liked. */
  private List<String> negatives(Instant since) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id FROM papers WHERE first_seen <= :since ORDER BY first_seen DESC, id LIMIT 300")
        .bind("since", since).mapTo(String.class).list());
  }

  /**
   * What this reader was sent lately. A paper first seen after their cut-off can only be in a
   * digest planned after it (a trending pick, or a --date run), so the recent rows are enough.
   */
  private Set<String> sentSince(Subscription s) {
    LocalDate from = LocalDate.ofInstant(s.papersSince(), java.time.ZoneOffset.UTC).minusDays(2);
    return jdbi.withHandle(h -> h.createQuery("SELECT paper_id FROM sent_papers WHERE subscription_id = :s AND digest_date >= :d")
        .bind("s", s.id()).bind("d", from).mapTo(String.class).set());
  }

  private Set<String> sent(long subscription, List<String> ids) {
    if (ids.isEmpty()) return Set.of();
    return jdbi.withHandle(h -> h.createQuery("SELECT paper_id FROM sent_papers WHERE subscription_id = :s AND paper_id IN (<ids>)")
        .bind("s", subscription).bindList("ids", ids).mapTo(String.class).set());
  }
}
