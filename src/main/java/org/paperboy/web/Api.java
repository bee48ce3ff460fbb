package org.paperboy.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.BadInputException;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperJson;
import org.paperboy.rank.Trending;
import org.paperboy.rank.TrendingItem;
import org.paperboy.rank.TrendingJson;
import org.paperboy.rank.TrendingService;
import org.paperboy.rank.Votes;
import org.paperboy.rank.Window;
import org.paperboy.search.Acronym;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchService;
import org.paperboy.store.PaperCalendar;

/**
 * The JSON API; {@code /api/openapi.json} describes it. Papers have the {@link PaperJson} shape of
 * the CLI plus their local upvotes; errors have the shape {@link Errors} gives them.
 */
final class Api {
  private final SearchService search;
  private final PaperCalendar calendar;
  private final Votes votes;
  private final TrendingService trending;
  private final DailyPages daily;
  private final PaperPage paperPage;
  // Search answers by canonical query, kept until the next ingest: they hold no votes and nothing
  // per visitor, so the JSON itself is kept, as UTF-8 bytes.
  private final Kept<byte[]> searches;
  // A day's list as JSON by date and page, until the next ingest or vote (it holds vote counts).
  private final Kept<byte[]> days;

  Api(
      SearchService search,
      PaperCalendar calendar,
      Votes votes,
      TrendingService trending,
      DailyPages daily,
      PaperPage paperPage,
      Changes changes) {
    this.search = search;
    this.calendar = calendar;
    this.votes = votes;
    this.trending = trending;
    this.daily = daily;
    this.paperPage = paperPage;
    this.searches = changes.kept(1024, false);
    this.days = changes.kept(1024, true);
  }

  /** {@code /api/papers/{id}} and {@code /api/papers/{id}/related}; ids may hold a slash. */
  void papers(Context ctx, String rest) {
    if (rest.endsWith("/related")) {
      // the request is checked before the store: a bad limit is a 400 whatever the id
      int limit = limit(Param.get(ctx, "limit"), 10, 100);
      Paper p =
          paperPage.find(
              PaperPage.canonical(rest.substring(0, rest.length() - "/related".length())));
      List<Map<String, Object>> hits = new ArrayList<>();
      for (SearchHit h : search.related(p.id(), limit)) hits.add(hit(h));
      Json.send(ctx, Map.of("id", p.id(), "related", hits));
      return;
    }
    Paper p = paperPage.find(PaperPage.canonical(rest));
    Map<String, Object> m = PaperJson.toMap(p);
    m.put("votes", votes.count(p.id()));
    Json.send(ctx, m);
  }

  void daily(Context ctx) {
    String date = Param.get(ctx, "date");
    LocalDate d = date == null ? daily.today() : Dates.day(date, "date");
    int page = Dates.page(Param.get(ctx, "page"), DailyPages.MAX_PAGE);
    byte[] json = days.get(d + " " + page, () -> Json.bytes(day(d, page)));
    Json.send(ctx, json);
  }

  private Map<String, Object> day(LocalDate d, int page) {
    long total = calendar.countBetween(d, d);
    List<Paper> papers =
        calendar.between(d, d, (page - 1) * DailyPages.PAGE_SIZE, DailyPages.PAGE_SIZE);
    Map<String, Integer> counts = votes.counts(papers.stream().map(Paper::id).toList());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("date", d.toString());
    out.put("previousDate", calendar.dayBefore(d).map(LocalDate::toString).orElse(null));
    out.put("nextDate", calendar.dayAfter(d).map(LocalDate::toString).orElse(null));
    out.put("page", page);
    out.put("pageSize", DailyPages.PAGE_SIZE);
    out.put("total", total);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Paper p : papers) {
      Map<String, Object> m = PaperJson.toMap(p);
      m.put("votes", counts.getOrDefault(p.id(), 0));
      list.add(m);
    }
    out.put("papers", list);
    return out;
  }

  void trending(Context ctx) {
    Window window = Window.parse(Param.get(ctx, "window"));
    Trending t =
        trending.trending(window, limit(Param.get(ctx, "limit"), 50, TrendingService.MAX_LIMIT));
    List<Map<String, Object>> items = new ArrayList<>();
    for (TrendingItem i : t.items()) items.add(TrendingJson.toMap(i));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("window", window.toString());
    out.put("feedDay", t.feedDay().toString());
    out.put("items", items);
    Json.send(ctx, out);
  }

  void search(Context ctx) {
    SearchParams params = SearchParams.of(ctx, SearchParams.PAGE_SIZE);
    if (params.q().isEmpty()) throw new BadInputException("q is missing: say what to search for");
    byte[] json = searches.get(params.key(), () -> Json.bytes(search(params)));
    Json.send(ctx, json);
  }

  private Map<String, Object> search(SearchParams params) {
    SearchParams.Page page = params.run(search);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", params.q());
    out.put("mode", page.result().mode().toString());
    out.put("page", params.page());
    out.put("pageSize", params.size());
    out.put("more", page.more());
    List<Map<String, Object>> ambiguous = new ArrayList<>();
    for (Acronym a : page.result().ambiguous()) {
      List<Map<String, Object>> readings = new ArrayList<>();
      for (Acronym.Reading r : a.senses())
        readings.add(Map.of("longForm", r.longForm(), "papers", r.papers()));
      ambiguous.add(Map.of("acronym", a.shortForm(), "readings", readings));
    }
    out.put("ambiguous", ambiguous);
    List<Map<String, Object>> hits = new ArrayList<>();
    for (SearchHit h : page.hits()) hits.add(hit(h));
    out.put("hits", hits);
    return out;
  }

  private static Map<String, Object> hit(SearchHit h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.id());
    m.put("title", h.title());
    m.put("authors", h.authors());
    m.put("categories", h.categories());
    m.put("published", h.published() == null ? null : h.published().toString());
    m.put("score", h.score());
    m.put("snippetHtml", h.snippet());
    return m;
  }

  static int limit(String s, int fallback, int max) {
    if (s == null || s.isBlank()) return fallback;
    try {
      int n = Integer.parseInt(s.strip());
      if (n >= 1 && n <= max) return n;
    } catch (NumberFormatException e) {
      // the message below says what is accepted
    }
    throw new BadInputException(
        "limit must be a number from 1 to " + max + ", was '" + Html.abbreviate(s, 40) + "'");
  }
}
