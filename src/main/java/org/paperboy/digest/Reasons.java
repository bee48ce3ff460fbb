package org.paperboy.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one-line reason under each paper of a digest. Each says only what is true of that paper. */
final class Reasons {
  private Reasons() {}

  static String alert(String alert) {
    return "matches your alert '" + alert + "'";
  }

  /**
   * "similar to 3 papers you upvoted or saved": names only the signals behind those papers ({@link
   * Liked} kinds, or-ed), so it stays true.
   */
  static String similar(int similar, int kinds) {
    List<String> how = new ArrayList<>(3);
    if ((kinds & Liked.UPVOTED) != 0) how.add("upvoted");
    if ((kinds & Liked.SAVED) != 0) how.add("saved");
    if ((kinds & Liked.CLICKED) != 0) how.add("opened from a digest");
    String said =
        how.size() == 1
            ? how.get(0)
            : String.join(", ", how.subList(0, how.size() - 1)) + " or " + how.get(how.size() - 1);
    return "similar to " + similar + (similar == 1 ? " paper" : " papers") + " you " + said;
  }

  /**
   * "trending: 4 upvotes on Hugging Face, 1,200 GitHub stars, 2 votes here": each signal the
   * trending score counts, named, so a paper ranked by its stars does not read as having fewer
   * upvotes than the one below it. Null or zero signals are left out.
   */
  static String trending(int localVotes, Integer hfUpvotes, Integer githubStars) {
    List<String> what = new ArrayList<>(3);
    if (hfUpvotes != null && hfUpvotes > 0)
      what.add(count(hfUpvotes, "upvote", "upvotes") + " on Hugging Face");
    if (githubStars != null && githubStars > 0)
      what.add(count(githubStars, "GitHub star", "GitHub stars"));
    if (localVotes > 0) what.add(count(localVotes, "vote", "votes") + " here");
    return what.isEmpty() ? "trending" : "trending: " + String.join(", ", what);
  }

  private static String count(int n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }
}
