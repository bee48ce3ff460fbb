package org.paperboy.search;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * One result. {@code snippet} is HTML: the abstract's text escaped, with the matched words in
 * {@code <mark>}; it is safe to put in a page as is. {@code score} is on the mode's own scale
 * (BM25, cosine, or reciprocal-rank fusion), so compare it only within one result list. {@code
 * pinned} marks an exact id or title match placed first.
 */
public record SearchHit(
    String id,
    String title,
    List<String> authors,
    List<String> categories,
    LocalDate published,
    double score,
    String snippet,
    boolean pinned) {

  public SearchHit {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    snippet = snippet == null ? "" : snippet;
  }
}
