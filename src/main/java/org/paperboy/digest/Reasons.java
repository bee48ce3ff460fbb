package org.paperboy.digest;

import java.util.ArrayList;
import java.util.List;

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

  /** {@code upvotes}: local votes plus Hugging Face upvotes. */
  static String trending(int upvotes) {
    return upvotes > 0
        ? "trending: " + upvotes + (upvotes == 1 ? " upvote" : " upvotes")
        : "trending";
  }
}
