package org.paperboy.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.paperboy.BadInputException;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;
import org.paperboy.search.SearchResult;
import org.paperboy.search.SearchService;

/**
 * The query string of a search ({@code q, mode, from, to, cat, page}), shared by the search page,
 * {@code /api/search} and the Atom feed. The search service ranks the top {@code page × size} and
 * the page is cut from that, so pages stop where {@link SearchRequest#MAX_LIMIT} does.
 */
record SearchParams(
    String q,
    SearchMode mode,
    LocalDate from,
    LocalDate to,
    List<String> categories,
    int page,
    int size) {
  static final int PAGE_SIZE = 20;
  static final int MAX_QUERY = 500;

  static SearchParams of(Context ctx, int size) {
    String q = Param.text(ctx, "q");
    q = q == null ? "" : q;
    if (q.length() > MAX_QUERY)
      throw new BadInputException("the query is longer than " + MAX_QUERY + " characters");
    String mode = Param.get(ctx, "mode");
    String from = Param.get(ctx, "from");
    String to = Param.get(ctx, "to");
    String cat = Param.get(ctx, "cat");
    return new SearchParams(
        q,
        mode == null ? SearchMode.HYBRID : SearchMode.parse(mode),
        from == null ? null : Dates.day(from, "from"),
        to == null ? null : Dates.day(to, "to"),
        cat == null
            ? List.of()
            : Arrays.stream(cat.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList(),
        Dates.page(Param.get(ctx, "page"), SearchRequest.MAX_LIMIT / size),
        size);
  }

  /** One page of results, the mode used and the ambiguous acronyms. */
  record Page(List<SearchHit> hits, SearchResult result, boolean more) {}

  Page run(SearchService search) {
    SearchRequest request = new SearchRequest(q, mode, page * size, from, to, categories);
    SearchResult result = search.search(request);
    List<SearchHit> all = result.hits();
    int start = Math.min(all.size(), (page - 1) * size);
    int end = Math.min(all.size(), page * size);
    return new Page(
        all.subList(start, end),
        result,
        all.size() >= page * size && page * size < SearchRequest.MAX_LIMIT);
  }

  /** The same search written one way, to keep its results by: canonical query string and size. */
  String key() {
    return query(page, mode) + "&size=" + size;
  }

  /** The query string for page {@code p} of this search (and {@code mode} instead of ours). */
  String query(int p, SearchMode m) {
    StringBuilder s = new StringBuilder("q=").append(Html.url(q));
    if (m != SearchMode.HYBRID) s.append("&mode=").append(m);
    if (from != null) s.append("&from=").append(from);
    if (to != null) s.append("&to=").append(to);
    if (!categories.isEmpty()) s.append("&cat=").append(Html.url(String.join(",", categories)));
    if (p > 1) s.append("&page=").append(p);
    return s.toString();
  }
}
