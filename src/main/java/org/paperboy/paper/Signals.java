package org.paperboy.paper;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * External popularity signals a feed may carry: Hugging Face upvotes, GitHub stars of the code
 * repository, Hugging Face "AI keywords". Null means the source said nothing, which is not zero.
 */
public record Signals(Integer hfUpvotes, Integer githubStars, List<String> aiKeywords) {
  public static final Signals NONE = new Signals(null, null, List.of());

  public Signals {
    aiKeywords = List.copyOf(requireNonNull(aiKeywords, "aiKeywords"));
  }

  /**
   * Merges two observations of the same paper. Counts only grow over time, so the larger one is the
   * fresher one; keywords are united in order.
   */
  public Signals merge(Signals other) {
    LinkedHashSet<String> keywords = new LinkedHashSet<>(aiKeywords);
    keywords.addAll(other.aiKeywords);
    return new Signals(
        max(hfUpvotes, other.hfUpvotes),
        max(githubStars, other.githubStars),
        new ArrayList<>(keywords));
  }

  private static Integer max(Integer a, Integer b) {
    if (a == null) return b;
    if (b == null) return a;
    return Math.max(a, b);
  }
}
