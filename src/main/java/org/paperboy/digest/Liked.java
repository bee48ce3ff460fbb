package org.paperboy.digest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reader's liked papers, each with the signals that made it one: upvoted or saved by the account
 * with the reader's address, or opened from one of their digests. All three are positives alike for
 * the models; the kinds only word the reason line truthfully.
 */
final class Liked {
  static final byte UPVOTED = 1, SAVED = 2, CLICKED = 4;

  /** In the order the signals were read (votes, saves, clicks): the models train in this order. */
  final List<String> ids = new ArrayList<>(8);

  private byte[] kinds = new byte[8];

  /**
   * {@code search} false when {@code id} cannot be here yet (votes come first, one per paper),
   * which spares a scan of the list for a million votes.
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

  /** The signals behind the {@code i}-th liked paper, as the bits above. */
  int kinds(int i) {
    return kinds[i];
  }
}
