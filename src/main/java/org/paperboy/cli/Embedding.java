package org.paperboy.cli;

import java.io.PrintWriter;
import org.paperboy.search.SearchService;

/**
 * Embeds the papers that wait for a vector, in the foreground with a progress line; an interrupted
 * run keeps what it embedded (vectors are cached per batch).
 */
final class Embedding {
  private static final int BATCH = 64;

  private Embedding() {}

  /** Returns how many papers were embedded. */
  static long run(SearchService search, PrintWriter err) {
    if (!search.embeds()) return 0;
    int total = search.pendingVectors();
    if (total == 0) return 0;
    long done = 0;
    try (ProgressBar bar = ProgressBar.forTerminal(err, "embedding")) {
      int n;
      while ((n = search.embedMissing(BATCH)) > 0) {
        done += n;
        bar.update(done, done, total);
      }
    }
    return done;
  }
}
