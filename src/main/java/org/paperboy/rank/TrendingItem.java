package org.paperboy.rank;

import static java.util.Objects.requireNonNull;

import org.paperboy.paper.Paper;

/** One place in a trending list: the paper, its score and its local upvotes (all time). */
public record TrendingItem(Paper paper, double score, int votes) {
  public TrendingItem {
    requireNonNull(paper, "paper");
  }
}
