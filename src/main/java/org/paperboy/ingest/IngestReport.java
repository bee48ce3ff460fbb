package org.paperboy.ingest;

import java.util.List;

/**
 * What one ingest run did. {@code rejects} holds the first {@link
 * IngestCounter#MAX_REJECT_MESSAGES} reject messages ("papers.jsonl:17: the abstract is empty");
 * {@code rejected} counts all of them.
 */
public record IngestReport(
    long added, long updated, long unchanged, long rejected, List<String> rejects) {

  public IngestReport {
    rejects = List.copyOf(rejects);
  }

  public static final IngestReport EMPTY = new IngestReport(0, 0, 0, 0, List.of());

  /** The one-line summary scripts parse: {@code added N, updated M, unchanged U, rejected R}. */
  public String summary() {
    return "added %d, updated %d, unchanged %d, rejected %d"
        .formatted(added, updated, unchanged, rejected);
  }

  public IngestReport plus(IngestReport o) {
    List<String> all = new java.util.ArrayList<>(rejects);
    for (String r : o.rejects) {
      if (all.size() < IngestCounter.MAX_REJECT_MESSAGES) all.add(r);
    }
    return new IngestReport(
        added + o.added, updated + o.updated, unchanged + o.unchanged, rejected + o.rejected, all);
  }
}
