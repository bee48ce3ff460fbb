package org.paperboy.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.digest.DigestPlan.Item;
import org.paperboy.digest.DigestPlan.Section;
import org.paperboy.digest.PaperVectors.Sparse;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.embed.CachingEmbedder;
import org.paperboy.embed.Embedder;
import org.paperboy.paper.Paper;
import org.paperboy.rank.Trending;
import org.paperboy.rank.TrendingItem;
import org.paperboy.rank.TrendingService;
import org.paperboy.rank.Window;
import org.paperboy.search.Acronym;
import org.paperboy.search.SearchService;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what goes into each digest. Candidates are the papers first seen since the reader's
 * previous digest that were never sent to them; from those, alert matches, then personal picks,
 * then trending (which may reach back further, but never repeats a paper). A {@link Run} is made
 * for all the readers due at once and does everything they share in bulk: the day's papers are
 * loaded once and indexed in memory, each distinct alert is searched once, the papers already sent
 * to anyone are read in one query, and the personal models are scored as one matrix product.
 */
final class DigestPlanner {
  private static final Logger log = LoggerFactory.getLogger(DigestPlanner.class);
  static final int MAX_CANDIDATES = 5000;
  static final int PER_ALERT = 5;
  static final int MAX_TRENDING = 5;

  /** A hit must score at least this share of the alert's best BM25 score among the day's papers. */
  static final double LEXICAL_RELATIVE = 0.65;

  /**
   * How deep each alert's search goes; a hit deeper than this is far below the relevance threshold.
   */
  static final int ALERT_DEPTH = 100;

  /**
   * Best-scored candidates kept per reader from the matrix product, before the per-reader filters.
   */
  private static final int PICK_DEPTH = 48;

  private static final int SQL_CHUNK = 500;

  private final Jdbi jdbi;
  private final PaperRepository papers;
  private final SearchService search;
  private final TrendingService trending;
  private final Embedder embedder;

  DigestPlanner(
      Jdbi jdbi,
      PaperRepository papers,
      SearchService search,
      TrendingService trending,
      Embedder embedder) {
    this.jdbi = jdbi;
    this.papers = papers;
    this.search = search;
    this.trending = trending;
    this.embedder = embedder;
  }

  /** Prepares the shared work for {@code due} readers; then call {@link Run#plan} for each. */
  Run run(Collection<Subscription> due, Instant now) {
    return new Run(List.copyOf(due), now);
  }

  /** One planning pass over the readers due now. Not thread-safe. */
  final class Run {
    private final Paper[] candidates;

    /** First-seen times, newest first (as {@link #candidates}), in epoch milliseconds. */
    private final long[] firstSeen;

    private final Map<String, Integer> position = new HashMap<>();
    private final Map<String, int[]> alertHits = new HashMap<>();
    private final SentPapers sent;
    private final Map<String, Liked> likes;
    private final Trending trendingList;
    // Picks on embeddings (null without vectors: the hashed-words fallback below).
    private DensePicks dense;
    private final Map<Long, int[]> topPicks = new HashMap<>();
    private final Map<String, float[]> likedVectors = new HashMap<>();
    // Hashed-words fallback.
    private final Map<String, Sparse> sparse = new HashMap<>();
    private final Map<Instant, List<String>> negativesSince = new HashMap<>();

    private Run(List<Subscription> due, Instant now) {
      long t0 = System.nanoTime();
      Instant since =
          due.stream().map(Subscription::papersSince).min(Instant::compareTo).orElse(now);
      List<Map.Entry<String, Instant>> rows = due.isEmpty() ? List.of() : candidates(since, now);
      Map<String, Paper> found = papers.findAll(rows.stream().map(Map.Entry::getKey).toList());
      List<Paper> cs = new ArrayList<>();
      List<Long> seen = new ArrayList<>();
      for (var r : rows) {
        Paper p = found.get(r.getKey());
        if (p == null) continue;
        position.put(p.id(), cs.size());
        cs.add(p);
        seen.add(r.getValue().toEpochMilli());
      }
      candidates = cs.toArray(Paper[]::new);
      firstSeen = seen.stream().mapToLong(Long::longValue).toArray();
      boolean anyTrending = due.stream().anyMatch(Subscription::trending);
      trendingList = anyTrending ? trending.trending(Window.DAY, 50) : null;
      List<String> keyIds =
          new ArrayList<>(cs.stream().map(Paper::id).toList()); // key of a candidate = its position
      if (trendingList != null) trendingList.items().forEach(t -> keyIds.add(t.paper().id()));
      sent = new SentPapers(keyIds);
      likes = candidates.length == 0 ? Map.of() : likes(due);
      if (candidates.length == 0) return;
      float[][] vectors = vectors(cs);
      boolean haveVectors = Arrays.stream(vectors).anyMatch(v -> v != null);
      long t1 = System.nanoTime();
      alerts(due, haveVectors ? vectors : null);
      long t2 = System.nanoTime();
      if (haveVectors) densePicks(due, vectors);
      log.info(
          "planning {} readers: {} candidates, sent papers and likes loaded in {} ms; {} distinct alerts searched in {} ms;"
              + " picks {} in {} ms",
          due.size(),
          candidates.length,
          (t1 - t0) / 1_000_000,
          alertHits.size(),
          (t2 - t1) / 1_000_000,
          haveVectors
              ? "on embeddings, " + topPicks.size() + " readers scored as one matrix product"
              : "on hashed words (per reader)",
          (System.nanoTime() - t2) / 1_000_000);
    }

    DigestPlan plan(Subscription s, LocalDate date) {
      int window = window(s.papersSince());
      int[] sentKeys = sent.of(s.id());
      int available = window;
      for (int k : sentKeys) if (k < window) available--;
      List<Item> items = new ArrayList<>();
      if (available == 0) return new DigestPlan(s, date, 0, items);
      Set<String> taken = new HashSet<>();
      for (String alert : s.alerts()) {
        int n = 0;
        for (int c : alertHits.getOrDefault(alert, new int[0])) {
          if (n == PER_ALERT || items.size() == s.maxPapers()) break;
          if (c >= window || sentKey(sentKeys, c)) continue;
          if (taken.add(candidates[c].id())) {
            items.add(
                new Item(candidates[c], Section.ALERTS, "matches your alert '" + alert + "'"));
            n++;
          }
        }
      }
      int room = Math.min(s.maxPapers() - items.size(), Math.max(3, s.maxPapers() / 2));
      Liked liked = likes.get(s.email());
      if (room > 0 && liked != null) {
        if (dense != null) densePicks(s, window, sentKeys, liked, room, taken, items);
        else sparsePicks(s, window, sentKeys, liked, room, taken, items);
      }
      if (s.trending()) trending(s, sentKeys, taken, items);
      return new DigestPlan(s, date, available, items);
    }

    /** How many candidates (a prefix, newest first) are newer than {@code since}. */
    private int window(Instant since) {
      long t = since.toEpochMilli();
      int lo = 0, hi = firstSeen.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (firstSeen[mid] > t) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }

    // ---- alerts ------------------------------------------------------------------------------

    /**
     * Searches each distinct alert once in an in-memory index of the candidates. The threshold is
     * on the word match (BM25, relative to the best candidate), because nearest-neighbour search
     * always finds something: an alert about lattice QCD must not pull in the closest LLM papers.
     * With vectors, what passed is ordered by reciprocal-rank fusion of BM25 and cosine.
     */
    private void alerts(List<Subscription> due, float[][] vectors) {
      Set<String> distinct = new LinkedHashSet<>();
      due.forEach(s -> distinct.addAll(s.alerts()));
      if (distinct.isEmpty()) return;
      List<String> order = List.copyOf(distinct);
      float[][] queries = null;
      if (vectors != null) {
        try {
          queries = embedder.embedQueries(order);
        } catch (RuntimeException e) {
          log.warn("alerts ordered by words only: cannot embed them: {}", e.getMessage());
        }
      }
      Map<String, String> longForms = new HashMap<>();
      try (CandidateIndex index = new CandidateIndex(Arrays.asList(candidates))) {
        for (int a = 0; a < order.size(); a++) {
          List<CandidateIndex.Hit> hits =
              index.search(
                  order.get(a), ALERT_DEPTH, w -> longForms.computeIfAbsent(w, this::longForm));
          float best = 0;
          for (CandidateIndex.Hit h : hits) best = Math.max(best, h.score());
          List<Integer> passed = new ArrayList<>();
          for (CandidateIndex.Hit h : hits) {
            if (h.score() >= LEXICAL_RELATIVE * best) passed.add(position.get(h.id()));
          }
          if (queries != null && queries[a] != null && passed.size() > 1)
            passed = fused(passed, queries[a], vectors);
          alertHits.put(order.get(a), passed.stream().mapToInt(Integer::intValue).toArray());
        }
      }
    }

    private String longForm(String word) {
      return search
          .acronym(word)
          .flatMap(a -> a.senses().stream().findFirst())
          .map(Acronym.Reading::longForm)
          .orElse(null);
    }

    /**
     * {@code lexical} (best first) reordered by reciprocal-rank fusion with cosine to {@code
     * query}.
     */
    private List<Integer> fused(List<Integer> lexical, float[] query, float[][] vectors) {
      Map<Integer, Double> score = new HashMap<>();
      for (int i = 0; i < lexical.size(); i++) score.put(lexical.get(i), 1.0 / (60 + i + 1));
      List<Integer> byCosine =
          new ArrayList<>(lexical.stream().filter(c -> vectors[c] != null).toList());
      Map<Integer, Float> cos = new HashMap<>();
      for (int c : byCosine) cos.put(c, dot(query, vectors[c]));
      byCosine.sort((a, b) -> Float.compare(cos.get(b), cos.get(a)));
      for (int i = 0; i < byCosine.size(); i++)
        score.merge(byCosine.get(i), 1.0 / (60 + i + 1), Double::sum);
      List<Integer> out = new ArrayList<>(lexical);
      out.sort((a, b) -> Double.compare(score.get(b), score.get(a)));
      return out;
    }

    // ---- picks on embeddings -----------------------------------------------------------------

    private void densePicks(List<Subscription> due, float[][] vectors) {
      int dims = Arrays.stream(vectors).filter(v -> v != null).findFirst().orElseThrow().length;
      dense = new DensePicks(vectors, dims);
      List<Subscription> readers = due.stream().filter(s -> likes.containsKey(s.email())).toList();
      Set<String> likedIds = new HashSet<>();
      readers.forEach(s -> likedIds.addAll(likes.get(s.email()).ids));
      Map<Instant, List<float[]>> negatives = new HashMap<>();
      for (Subscription s : readers)
        negativesSince.computeIfAbsent(s.papersSince(), DigestPlanner.this::negatives);
      negativesSince.values().forEach(likedIds::addAll);
      List<Paper> liked = new ArrayList<>(papers.findAll(List.copyOf(likedIds)).values());
      float[][] lv = vectors(liked);
      for (int i = 0; i < lv.length; i++)
        if (lv[i] != null && lv[i].length == dims) likedVectors.put(liked.get(i).id(), lv[i]);
      negativesSince.forEach(
          (since, ids) ->
              negatives.put(
                  since, ids.stream().map(likedVectors::get).filter(v -> v != null).toList()));
      // A block of readers at a time (100,000 readers x 384 floats at once would be 150 MB for
      // nothing), blocks on all cores: training and scoring are pure arithmetic on shared read-only
      // data.
      final int block = 512;
      int blocks = (readers.size() + block - 1) / block;
      List<int[][]> tops =
          java.util.stream.IntStream.range(0, blocks)
              .parallel()
              .mapToObj(
                  b -> {
                    List<Subscription> part =
                        readers.subList(b * block, Math.min(readers.size(), (b + 1) * block));
                    float[][] w = new float[part.size()][];
                    for (int i = 0; i < w.length; i++) w[i] = weights(part.get(i), negatives);
                    return dense.top(w, PICK_DEPTH);
                  })
              .toList();
      for (int b = 0; b < blocks; b++) {
        int[][] top = tops.get(b);
        for (int i = 0; i < top.length; i++)
          if (top[i].length > 0) topPicks.put(readers.get(b * block + i).id(), top[i]);
      }
    }

    /**
     * One reader's weights: liked papers against a slice of the older ones they did not like (null:
     * no liked vectors).
     */
    private float[] weights(Subscription s, Map<Instant, List<float[]>> negatives) {
      List<String> ids = likes.get(s.email()).ids;
      List<float[]> pos = ids.stream().map(likedVectors::get).filter(v -> v != null).toList();
      if (pos.isEmpty()) return null;
      List<float[]> pool = negatives.get(s.papersSince());
      List<float[]> neg = new ArrayList<>();
      // Two negatives per like (at most 30), from a different place in the pool for each reader.
      int want = Math.min(30, 2 * pos.size()),
          start = pool.isEmpty() ? 0 : (int) Math.floorMod(s.id() * 7919, pool.size());
      Set<float[]> mine = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      mine.addAll(pos);
      for (int j = 0; j < pool.size() && neg.size() < want; j++) {
        float[] v = pool.get((start + j) % pool.size());
        if (!mine.contains(v)) neg.add(v);
      }
      return dense.weights(pos, neg, s.id());
    }

    private void densePicks(
        Subscription s,
        int window,
        int[] sentKeys,
        Liked liked,
        int room,
        Set<String> taken,
        List<Item> items) {
      int[] top = topPicks.get(s.id());
      if (top == null) return;
      Set<String> mine = new HashSet<>(liked.ids);
      int added = 0;
      for (int c : top) {
        if (added == room) break;
        Paper p = candidates[c];
        if (c >= window || sentKey(sentKeys, c) || taken.contains(p.id()) || mine.contains(p.id()))
          continue;
        int similar = 0, kinds = 0;
        for (int j = 0; j < liked.ids.size(); j++) {
          String l = liked.ids.get(j);
          float[] v = likedVectors.get(l);
          if (v != null && dense.similarity(l, v, c) >= DensePicks.SIMILAR) {
            similar++;
            kinds |= liked.kinds[j];
          }
        }
        if (similar == 0) continue;
        taken.add(p.id());
        items.add(new Item(p, Section.PICKS, similarReason(similar, kinds)));
        added++;
      }
    }

    // ---- picks on hashed words (no vectors) --------------------------------------------------

    private void sparsePicks(
        Subscription s,
        int window,
        int[] sentKeys,
        Liked likes,
        int room,
        Set<String> taken,
        List<Item> items) {
      List<String> likedIds = likes.ids;
      List<Sparse> liked = sparse(likedIds);
      List<Sparse> negatives =
          liked.size() < InterestModel.LINEAR_FROM
              ? List.of()
              : sparse(
                  negativesSince
                      .computeIfAbsent(s.papersSince(), DigestPlanner.this::negatives)
                      .stream()
                      .filter(id -> !likedIds.contains(id))
                      .limit(200)
                      .toList());
      InterestModel model = InterestModel.train(liked, negatives);
      record Scored(Paper paper, Sparse vector, double score) {}
      List<Scored> scored = new ArrayList<>();
      for (int c = 0; c < window; c++) {
        Paper p = candidates[c];
        if (sentKey(sentKeys, c) || taken.contains(p.id()) || likedIds.contains(p.id())) continue;
        Sparse v = sparse.computeIfAbsent(p.id(), id -> PaperVectors.of(p));
        scored.add(new Scored(p, v, model.score(v)));
      }
      scored.sort(
          java.util.Comparator.comparingDouble((Scored x) -> -x.score())
              .thenComparing(x -> x.paper().id()));
      // The similarity check costs a dot product per liked paper: only for the best-scored few.
      int added = 0;
      for (Scored x : scored.subList(0, Math.min(scored.size(), 10 * room))) {
        if (added == room) break;
        int similar = 0, kinds = 0;
        for (int j = 0; j < likedIds.size(); j++) {
          Sparse l = sparse.get(likedIds.get(j));
          if (l != null && l.dot(x.vector()) >= InterestModel.SIMILAR) {
            similar++;
            kinds |= likes.kinds[j];
          }
        }
        if (similar == 0) continue;
        taken.add(x.paper().id());
        items.add(new Item(x.paper(), Section.PICKS, similarReason(similar, kinds)));
        added++;
      }
    }

    /**
     * The vectors of the stored papers among {@code ids}, loading only those not seen in this run.
     */
    private List<Sparse> sparse(List<String> ids) {
      List<String> missing = ids.stream().filter(id -> !sparse.containsKey(id)).toList();
      if (!missing.isEmpty())
        papers.findAll(missing).values().forEach(p -> sparse.put(p.id(), PaperVectors.of(p)));
      return ids.stream().map(sparse::get).filter(java.util.Objects::nonNull).toList();
    }

    // ---- trending ----------------------------------------------------------------------------

    private void trending(Subscription s, int[] sentKeys, Set<String> taken, List<Item> items) {
      if (trendingList == null) return;
      int n = 0;
      for (TrendingItem t : trendingList.items()) {
        if (n == MAX_TRENDING || items.size() >= s.maxPapers()) break;
        String id = t.paper().id();
        if (sentKey(sentKeys, sent.key(id)) || !taken.add(id)) continue;
        int hf = t.paper().signals().hfUpvotes() == null ? 0 : t.paper().signals().hfUpvotes();
        int up = t.votes() + hf;
        items.add(
            new Item(
                t.paper(),
                Section.TRENDING,
                up > 0 ? "trending: " + up + (up == 1 ? " upvote" : " upvotes") : "trending"));
        n++;
      }
    }

    /**
     * The stored sentence vectors of {@code ps} (null where a paper has none yet); all null without
     * an embedder.
     */
    private float[][] vectors(List<Paper> ps) {
      float[][] none = new float[ps.size()][];
      if (embedder == null || ps.isEmpty()) return none;
      List<String> texts =
          ps.stream().map(p -> BgeSmallEmbedder.paperText(p.title(), p.abstractText())).toList();
      try {
        // Only what the store holds: planning must never wait for the model to embed papers.
        return embedder instanceof CachingEmbedder cached
            ? cached.cachedDocuments(texts)
            : embedder.embedDocuments(texts);
      } catch (RuntimeException e) {
        log.warn("picks use hashed words: cannot read the paper vectors: {}", e.getMessage());
        return none;
      }
    }

    /**
     * Which (reader, paper) pairs were sent already, among the candidates and the trending papers:
     * one query by paper (indexed), kept as sorted {@code reader * 2^16 + paper position} keys, so
     * 100,000 readers that all got yesterday's trending papers cost 8 bytes a pair.
     */
    private final class SentPapers {
      private final Map<String, Integer> key = new HashMap<>();
      private long[] pairs = new long[1024];
      private int size;

      SentPapers(List<String> ids) {
        for (String id : ids) key.putIfAbsent(id, key.size());
        List<String> all = List.copyOf(key.keySet());
        for (int from = 0; from < all.size(); from += SQL_CHUNK) {
          List<String> chunk = all.subList(from, Math.min(all.size(), from + SQL_CHUNK));
          jdbi.useHandle(
              h ->
                  h.createQuery(
                          "SELECT subscription_id, paper_id FROM sent_papers WHERE paper_id IN (<ids>)")
                      .bindList("ids", chunk)
                      .map(
                          (rs, ctx) -> {
                            add(rs.getLong(1), key.get(rs.getString(2)));
                            return 0;
                          })
                      .forEach(x -> {}));
        }
        pairs = Arrays.copyOf(pairs, size);
        Arrays.sort(pairs);
      }

      private void add(long reader, int paper) {
        if (size == pairs.length) pairs = Arrays.copyOf(pairs, size * 2);
        pairs[size++] = (reader << 16) | paper;
      }

      /**
       * The keys (candidate positions first, then trending papers) of what {@code reader} was sent,
       * ascending.
       */
      int[] of(long reader) {
        if (size == 0) return new int[0];
        int from = Arrays.binarySearch(pairs, reader << 16);
        if (from < 0) from = -from - 1;
        int to = from;
        while (to < size && pairs[to] >>> 16 == reader) to++;
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) out[i - from] = (int) (pairs[i] & 0xFFFF);
        return out;
      }

      int key(String id) {
        Integer k = key.get(id);
        return k == null ? -1 : k;
      }
    }

    private static boolean sentKey(int[] sentKeys, int key) {
      return key >= 0 && sentKeys.length > 0 && Arrays.binarySearch(sentKeys, key) >= 0;
    }

    /**
     * "similar to 3 papers you upvoted or saved": names only the signals behind those papers, so it
     * stays true.
     */
    private static String similarReason(int similar, int kinds) {
      List<String> how = new ArrayList<>(3);
      if ((kinds & Liked.UPVOTED) != 0) how.add("upvoted");
      if ((kinds & Liked.SAVED) != 0) how.add("saved");
      if ((kinds & Liked.CLICKED) != 0) how.add("opened from a digest");
      String said =
          how.size() == 1
              ? how.get(0)
              : String.join(", ", how.subList(0, how.size() - 1))
                  + " or "
                  + how.get(how.size() - 1);
      return "similar to " + similar + (similar == 1 ? " paper" : " papers") + " you " + said;
    }
  }

  private static float dot(float[] a, float[] b) {
    return DensePicks.dot(a, b);
  }

  /** Papers first seen in (since, now], newest first, with their first-seen time. */
  private List<Map.Entry<String, Instant>> candidates(Instant since, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, first_seen FROM papers WHERE first_seen > :since AND first_seen <= :now"
                        + " ORDER BY first_seen DESC, id LIMIT "
                        + MAX_CANDIDATES)
                .bind("since", since)
                .bind("now", now)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list());
  }

  /**
   * A reader's liked papers, each with the signals that made it one: upvoted or saved by the
   * account with the reader's address, or opened from one of their digests. All three are positives
   * alike for the model; the kinds only word the reason line truthfully.
   */
  static final class Liked {
    static final byte UPVOTED = 1, SAVED = 2, CLICKED = 4;
    final List<String> ids = new ArrayList<>(8);
    byte[] kinds = new byte[8];

    /**
     * {@code search} false when {@code id} cannot be here yet (votes come first, one per paper).
     */
    void add(String id, byte kind, boolean search) {
      int i = search ? ids.indexOf(id) : -1;
      if (i >= 0) {
        kinds[i] |= kind;
        return;
      }
      if (ids.size() == kinds.length) kinds = Arrays.copyOf(kinds, kinds.length * 2);
      kinds[ids.size()] = kind;
      ids.add(id);
    }
  }

  /**
   * What each reader liked, by address (a subscriber's picks come from the account with their
   * address, and from their own clicks). Plain scans, no join and no sort: with 100,000 readers
   * that is over a million votes, and a paper's id is kept once however many readers liked it.
   */
  private Map<String, Liked> likes(Collection<Subscription> due) {
    Map<Long, String> emails = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT id, email FROM accounts")
                .map((rs, ctx) -> emails.put(rs.getLong(1), rs.getString(2)))
                .forEach(x -> {}));
    Map<String, Liked> out = new HashMap<>();
    Map<String, String> ids = new HashMap<>();
    scan("SELECT account_id, paper_id FROM votes", emails, Liked.UPVOTED, false, out, ids);
    scan("SELECT account_id, paper_id FROM saved_papers", emails, Liked.SAVED, true, out, ids);
    // Clicks belong to a subscription, not an account: only those of the readers due now matter.
    Map<Long, String> subscribers = new HashMap<>();
    due.forEach(s -> subscribers.put(s.id(), s.email()));
    scan(
        "SELECT subscription_id, paper_id FROM digest_clicks",
        subscribers,
        Liked.CLICKED,
        true,
        out,
        ids);
    return out;
  }

  /**
   * Adds to {@code out} the rows of {@code sql} (owner id, paper id) whose owner {@code owners}
   * maps to an address, as {@code kind}; {@code search}: the reader may have the paper already (see
   * {@link Liked#add}). {@code ids} keeps one copy of each paper id.
   */
  private void scan(
      String sql,
      Map<Long, String> owners,
      byte kind,
      boolean search,
      Map<String, Liked> out,
      Map<String, String> ids) {
    jdbi.useHandle(
        h ->
            h.createQuery(sql)
                .map(
                    (rs, ctx) -> {
                      String email = owners.get(rs.getLong(1));
                      if (email != null) {
                        String id = rs.getString(2);
                        out.computeIfAbsent(email, k -> new Liked())
                            .add(ids.computeIfAbsent(id, k -> k), kind, search);
                      }
                      return 0;
                    })
                .forEach(x -> {}));
  }

  /**
   * Papers from before a cut-off: the other class of the linear model, minus what the reader liked.
   */
  private List<String> negatives(Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id FROM papers WHERE first_seen <= :since ORDER BY first_seen DESC, id LIMIT 300")
                .bind("since", since)
                .mapTo(String.class)
                .list());
  }
}
