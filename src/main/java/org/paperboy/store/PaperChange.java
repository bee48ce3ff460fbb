package org.paperboy.store;

import static java.util.Objects.requireNonNull;

import org.paperboy.paper.Paper;

/**
 * One entry of the change sequence: paper {@code id} as stored at sequence {@code seq}, or, when
 * {@code paper} is null, removed at {@code seq}. Applying it again is harmless (an upsert or a
 * delete by id), so a follower that is unsure whether it applied one may apply it twice.
 */
public record PaperChange(long seq, String id, Paper paper) {
  public PaperChange {
    requireNonNull(id, "id");
  }

  public boolean removed() {
    return paper == null;
  }
}
