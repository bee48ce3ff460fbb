package org.paperboy.search;

import java.util.List;

/**
 * The hits of one search, the mode actually used (semantic falls back to lexical when no embedder
 * is configured) and the acronyms in the query that have several known readings, so the UI can
 * offer "did you mean ... ?".
 */
public record SearchResult(List<SearchHit> hits, SearchMode mode, List<Acronym> ambiguous) {
  public SearchResult {
    hits = List.copyOf(hits);
    ambiguous = List.copyOf(ambiguous);
  }
}
