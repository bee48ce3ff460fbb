package org.paperboy.search;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import org.paperboy.BadInputException;

/**
 * A search as the app, web and CLI ask for it. {@code query} uses the search-box syntax (see {@link
 * SearchService}); {@code from}/{@code to} (inclusive, either may be null) and {@code categories}
 * (any of) narrow it further, inside both the word and the vector search.
 */
public record SearchRequest(
    String query,
    SearchMode mode,
    int limit,
    LocalDate from,
    LocalDate to,
    List<String> categories) {

  public static final int MAX_LIMIT = 1000;

  public SearchRequest {
    requireNonNull(query, "query");
    mode = mode == null ? SearchMode.HYBRID : mode;
    categories = categories == null ? List.of() : List.copyOf(categories);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadInputException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadInputException("the date range runs backwards: " + from + " is after " + to);
    }
  }
}
