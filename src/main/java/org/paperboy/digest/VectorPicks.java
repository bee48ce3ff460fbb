package org.paperboy.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.paperboy.digest.DigestPlan.Section;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperRepository;

/**
 * "Picked for you" on the papers' sentence vectors: every reader with likes gets a weight vector
 * ({@link DensePicks#weights}), and all of them are scored against all candidates as one blocked
 * matrix product, a block of readers per task on the planning executor. A pick must also be similar
 * to at least one liked paper, which the reason counts.
 */
final class VectorPicks {
  /**
   * Best-scored candidates kept per reader from the matrix product, before the per-reader filters.
   */
  private static final int PICK_DEPTH = 48;

  /**
   * Readers trained and scored per task (100,000 readers x 384 floats at once would be 150 MB for
   * nothing).
   */
  private static final int BLOCK = 512;

  private final DensePicks dense;
  private final Map<Long, int[]> top = new HashMap<>();
  private final Map<String, float[]> likedVectors = new HashMap<>();

  /**
   * Trains and scores every due reader with likes. {@code negatives}: the older papers of a
   * cut-off, the other class of the linear models.
   */
  VectorPicks(
      List<Subscription> due,
      float[][] vectors,
      Map<String, Liked> likes,
      Function<Instant, List<String>> negatives,
      PaperRepository papers,
      StoredVectors stored,
      Executor executor) {
    int dims = Arrays.stream(vectors).filter(v -> v != null).findFirst().orElseThrow().length;
    dense = new DensePicks(vectors, dims);
    List<Subscription> readers = due.stream().filter(s -> likes.containsKey(s.email())).toList();
    Set<String> likedIds = new HashSet<>();
    readers.forEach(s -> likedIds.addAll(likes.get(s.email()).ids));
    Map<Instant, List<String>> negativeIds = new HashMap<>();
    for (Subscription s : readers) negativeIds.computeIfAbsent(s.papersSince(), negatives);
    negativeIds.values().forEach(likedIds::addAll);
    List<Paper> liked = new ArrayList<>(papers.findAll(List.copyOf(likedIds)).values());
    float[][] lv = stored.of(liked);
    for (int i = 0; i < lv.length; i++)
      if (lv[i] != null && lv[i].length == dims) likedVectors.put(liked.get(i).id(), lv[i]);
    Map<Instant, List<float[]>> negativeVectors = new HashMap<>();
    negativeIds.forEach(
        (since, ids) ->
            negativeVectors.put(
                since, ids.stream().map(likedVectors::get).filter(v -> v != null).toList()));
    // Training and scoring are pure arithmetic on shared read-only data: blocks run in parallel.
    int blocks = (readers.size() + BLOCK - 1) / BLOCK;
    List<CompletableFuture<int[][]>> tasks = new ArrayList<>(blocks);
    for (int b = 0; b < blocks; b++) {
      List<Subscription> part =
          readers.subList(b * BLOCK, Math.min(readers.size(), (b + 1) * BLOCK));
      tasks.add(
          CompletableFuture.supplyAsync(
              () -> {
                float[][] w = new float[part.size()][];
                for (int i = 0; i < w.length; i++)
                  w[i] = weights(part.get(i), likes.get(part.get(i).email()), negativeVectors);
                return dense.top(w, PICK_DEPTH);
              },
              executor));
    }
    for (int b = 0; b < blocks; b++) {
      int[][] t = tasks.get(b).join();
      for (int i = 0; i < t.length; i++)
        if (t[i].length > 0) top.put(readers.get(b * BLOCK + i).id(), t[i]);
    }
  }

  /** Readers who got a score. */
  int readers() {
    return top.size();
  }

  /**
   * One reader's weights: liked papers against a slice of the older ones they did not like (null:
   * no liked vectors).
   */
  private float[] weights(Subscription s, Liked liked, Map<Instant, List<float[]>> negatives) {
    List<float[]> pos = liked.ids.stream().map(likedVectors::get).filter(v -> v != null).toList();
    if (pos.isEmpty()) return null;
    List<float[]> pool = negatives.get(s.papersSince());
    List<float[]> neg = new ArrayList<>();
    // Two negatives per like (at most 30), from a different place in the pool for each reader.
    int want = Math.min(30, 2 * pos.size()),
        start = pool.isEmpty() ? 0 : Math.floorMod(s.id() * 7919, pool.size());
    Set<float[]> mine = Collections.newSetFromMap(new IdentityHashMap<>());
    mine.addAll(pos);
    for (int j = 0; j < pool.size() && neg.size() < want; j++) {
      float[] v = pool.get((start + j) % pool.size());
      if (!mine.contains(v)) neg.add(v);
    }
    return dense.weights(pos, neg, s.id());
  }

  /** Adds up to {@code room} picks to {@code d}, best scored first. */
  void fill(Draft d, Liked liked, int room, CandidatePool pool) {
    int[] best = top.get(d.reader.id());
    if (best == null) return;
    Set<String> mine = new HashSet<>(liked.ids);
    int added = 0;
    for (int c : best) {
      if (added == room) break;
      Paper p = pool.get(c);
      if (!d.open(c) || d.has(p.id()) || mine.contains(p.id())) continue;
      int similar = 0, kinds = 0;
      for (int j = 0; j < liked.ids.size(); j++) {
        String l = liked.ids.get(j);
        float[] v = likedVectors.get(l);
        if (v != null && dense.similarity(l, v, c) >= DensePicks.SIMILAR) {
          similar++;
          kinds |= liked.kinds(j);
        }
      }
      if (similar == 0) continue;
      d.add(p, Section.PICKS, Reasons.similar(similar, kinds));
      added++;
    }
  }
}
