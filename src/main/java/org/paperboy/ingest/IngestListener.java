package org.paperboy.ingest;

import java.util.List;
import org.paperboy.paper.Paper;

/**
 * Told about every batch right after it is committed to the store, so derived data (the search
 * index, the acronym lexicon) stays current: a paper is searchable as soon as ingest returns.
 */
public interface IngestListener {
  /**
   * {@code stored}: the papers added or changed, as now stored. {@code removedIds}: papers that
   * ceased to exist as separate rows (an id-less listing entry merged into its arXiv paper).
   */
  void stored(List<Paper> stored, List<String> removedIds);
}
