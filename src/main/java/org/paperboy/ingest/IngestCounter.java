package org.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;

/** Running counts of one ingest, turned into an {@link IngestReport} at the end. */
final class IngestCounter {
  static final int MAX_REJECT_MESSAGES = 20;

  long added;
  long updated;
  long unchanged;
  long rejected;
  long records;
  private final List<String> rejects = new ArrayList<>();

  void reject(String message) {
    rejected++;
    if (rejects.size() < MAX_REJECT_MESSAGES) rejects.add(message);
  }

  IngestReport report() {
    return new IngestReport(added, updated, unchanged, rejected, rejects);
  }
}
