package org.paperboy.digest;

import org.paperboy.digest.DigestPlan.Section;
import org.paperboy.rank.Trending;
import org.paperboy.rank.TrendingItem;

/**
 * The "Trending" section: the top of the day's trending list (not only candidates, so it may reach
 * back further), minus what the reader was sent or already has.
 */
final class TrendingFill {
  static final int MAX_TRENDING = 5;

  /** How far down the day's list a reader's trending papers may come from. */
  static final int LIST_LENGTH = 50;

  private final Trending list;
  private final SentPapers sent;

  TrendingFill(Trending list, SentPapers sent) {
    this.list = list;
    this.sent = sent;
  }

  void fill(Draft d) {
    int n = 0;
    for (TrendingItem t : list.items()) {
      if (n == MAX_TRENDING || d.size() >= d.reader.maxPapers()) break;
      String id = t.paper().id();
      if (d.wasSent(sent.key(id))) continue;
      var s = t.paper().signals();
      String reason = Reasons.trending(t.votes(), s.hfUpvotes(), s.githubStars());
      if (d.add(t.paper(), Section.TRENDING, reason)) n++;
    }
  }
}
