package org.paperboy.ingest;

import java.util.List;
import org.paperboy.PaperboyException;
import org.paperboy.paper.Paper;

/**
 * The one-line message of a batch that could not be stored. The database's own message can hold the
 * whole statement with its 1,000 ids (about 3 KB on one "line"); this one names the batch (its
 * number in the run, its size and first paper) and the cause's first line. Which record of the
 * batch failed is known only to the repository's batch statement (a later step can add it there).
 */
final class BatchFailure {
  private static final int CAUSE_CHARS = 240;

  private BatchFailure() {}

  static PaperboyException of(long number, List<Paper> batch, RuntimeException e) {
    StringBuilder msg = new StringBuilder("storing batch ").append(number);
    if (!batch.isEmpty()) {
      msg.append(" (")
          .append(batch.size())
          .append(" papers, first ")
          .append(batch.getFirst().id())
          .append(')');
    }
    return new PaperboyException(msg.append(" failed: ").append(cause(e)).toString(), e);
  }

  /** The deepest cause's first line, without the SQL and the bound values drivers append. */
  static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String text = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    int cut = text.length();
    for (String end : List.of("\n", "; SQL statement:", " [statement:", "\r")) {
      int at = text.indexOf(end);
      if (at >= 0) cut = Math.min(cut, at);
    }
    text = text.substring(0, cut).strip();
    return text.length() <= CAUSE_CHARS ? text : text.substring(0, CAUSE_CHARS) + "…";
  }
}
