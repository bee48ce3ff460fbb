package org.paperboy.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.paperboy.digest.DigestPlan.Section;
import org.paperboy.digest.PaperVectors.Sparse;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperRepository;

/**
 * "Picked for you" without vectors (PAPERBOY_EMBEDDINGS=off, or before any paper was embedded):
 * feature-hashed bag-of-words vectors ({@link PaperVectors}) and an {@link InterestModel} trained
 * per reader as they are planned. Milliseconds per reader, no model needed.
 */
final class WordPicks {
  private final PaperRepository papers;
  private final Function<Instant, List<String>> negatives;
  private final Map<String, Sparse> vectors = new HashMap<>();
  private final Map<Instant, List<String>> negativesSince = new HashMap<>();

  /** {@code negatives}: the older papers of a cut-off, the other class of the linear models. */
  WordPicks(PaperRepository papers, Function<Instant, List<String>> negatives) {
    this.papers = papers;
    this.negatives = negatives;
  }

  /** Adds up to {@code room} picks to {@code d}, best scored first. */
  void fill(Draft d, Liked likes, int room, CandidatePool pool) {
    List<String> likedIds = likes.ids;
    List<Sparse> liked = sparse(likedIds);
    List<Sparse> against =
        liked.size() < InterestModel.LINEAR_FROM
            ? List.of()
            : sparse(
                negativesSince.computeIfAbsent(d.reader.papersSince(), negatives).stream()
                    .filter(id -> !likedIds.contains(id))
                    .limit(200)
                    .toList());
    InterestModel model = InterestModel.train(liked, against);
    record Scored(Paper paper, Sparse vector, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (int c = 0; c < d.window; c++) {
      Paper p = pool.get(c);
      if (d.wasSent(c) || d.has(p.id()) || likedIds.contains(p.id())) continue;
      Sparse v = vectors.computeIfAbsent(p.id(), id -> PaperVectors.of(p));
      scored.add(new Scored(p, v, model.score(v)));
    }
    scored.sort(
        Comparator.comparingDouble((Scored x) -> -x.score()).thenComparing(x -> x.paper().id()));
    // The similarity check costs a dot product per liked paper: only for the best-scored few.
    int added = 0;
    for (Scored x : scored.subList(0, Math.min(scored.size(), 10 * room))) {
      if (added == room) break;
      int similar = 0, kinds = 0;
      for (int j = 0; j < likedIds.size(); j++) {
        Sparse l = vectors.get(likedIds.get(j));
        if (l != null && l.dot(x.vector()) >= InterestModel.SIMILAR) {
          similar++;
          kinds |= likes.kinds(j);
        }
      }
      if (similar == 0) continue;
      d.add(x.paper(), Section.PICKS, Reasons.similar(similar, kinds));
      added++;
    }
  }

  /**
   * The vectors of the stored papers among {@code ids}, loading only those not seen in this run.
   */
  private List<Sparse> sparse(List<String> ids) {
    List<String> missing = ids.stream().filter(id -> !vectors.containsKey(id)).toList();
    if (!missing.isEmpty())
      papers.findAll(missing).values().forEach(p -> vectors.put(p.id(), PaperVectors.of(p)));
    return ids.stream().map(vectors::get).filter(Objects::nonNull).toList();
  }
}
