package org.paperboy.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.paperboy.account.SavedPapers;
import org.paperboy.paper.Paper;
import org.paperboy.rank.Votes;
import org.paperboy.search.Acronym;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchService;
import org.paperboy.store.PaperRepository;

/** {@code /search}: results with snippets, mode switch, filters, pages and acronym readings. */
final class SearchPage {
  private final SearchService search;
  private final PaperRepository papers;
  private final Votes votes;
  private final SavedPapers saved;
  // Result pages by their canonical query string, kept until the next ingest or vote: the same
  // search (a link in a digest mail, a popular query, paging back) is then answered without
  // searching again. Kept pages hold no per-visitor part.
  private final Kept<Html.Fragment> kept;

  SearchPage(
      SearchService search,
      PaperRepository papers,
      Votes votes,
      SavedPapers saved,
      Changes changes) {
    this.search = search;
    this.papers = papers;
    this.votes = votes;
    this.saved = saved;
    this.kept = changes.kept(1024, true);
  }

  void show(Context ctx) {
    SearchParams params = SearchParams.of(ctx, SearchParams.PAGE_SIZE);
    if (params.q().isEmpty()) {
      Html h = new Html();
      h.raw("<h1>Search</h1>");
      filters(h, params);
      h.raw(
              "<p class=\"hint\">Words, <code>\"phrases\"</code>, <code>-exclude</code>,"
                  + " <code>title:</code>,")
          .raw(" <code>author:</code>, <code>cat:cs.CL</code>, <code>year:2023..2025</code>.</p>");
      ctx.html(Layout.page(ctx, "Search", h));
      return;
    }
    Html.Fragment main = kept.get(params.key(), () -> results(params));
    Html h = new Html();
    PaperCards.fill(h, main, votes, saved, Visitor.of(ctx), Layout.here(ctx));
    Layout.send(ctx, params.q() + " – search", h, "/feed.atom?" + params.query(1, params.mode()));
  }

  private Html.Fragment results(SearchParams params) {
    Html h = new Html(32_768);
    h.raw("<h1>Search</h1>");
    filters(h, params);
    SearchParams.Page page = params.run(search);
    modes(h, params, page.result().mode());
    for (Acronym a : page.result().ambiguous()) {
      h.raw("<p class=\"acronym\"><strong>").text(a.shortForm()).raw("</strong>: ");
      boolean first = true;
      for (Acronym.Reading r : a.senses()) {
        if (!first) h.raw(" · ");
        first = false;
        h.raw("<a href=\"/search?q=")
            .text(Html.url(refine(params.q(), a.shortForm(), r.longForm())))
            .raw("\">")
            .text(r.longForm())
            .raw("</a> (")
            .text(r.papers())
            .raw(")");
      }
      h.raw("</p>");
    }
    List<SearchHit> hits = page.hits();
    if (hits.isEmpty()) {
      h.raw("<p class=\"empty\">No paper matches <q>")
          .text(params.q())
          .raw("</q>")
          .raw(params.page() > 1 ? " on this page" : "")
          .raw(".</p>");
    } else {
      Map<String, Paper> found = papers.findAll(hits.stream().map(SearchHit::id).toList());
      List<PaperCards.Card> cards =
          hits.stream()
              .filter(x -> found.containsKey(x.id()))
              .map(x -> new PaperCards.Card(found.get(x.id()), x.snippet(), null))
              .toList();
      PaperCards.list(h, cards, votes, (params.page() - 1) * params.size() + 1);
    }
    h.raw("<nav class=\"pager\" aria-label=\"Pages\">");
    if (params.page() > 1)
      h.raw("<a rel=\"prev\" href=\"/search?")
          .text(params.query(params.page() - 1, params.mode()))
          .raw("\">← previous page</a>");
    h.raw("<span>page ").text(params.page()).raw("</span>");
    if (page.more())
      h.raw("<a rel=\"next\" href=\"/search?")
          .text(params.query(params.page() + 1, params.mode()))
          .raw("\">next page →</a>");
    h.raw("</nav>");
    return h.fragment();
  }

  /**
   * The query with the acronym (also in the plural, any case) replaced by one reading as a phrase:
   * "MLLM hallucination" becomes "\"multimodal large language model\" hallucination". When the
   * acronym is not written in the query (it came in through a reading), the phrase is added.
   */
  static String refine(String q, String acronym, String longForm) {
    String phrase = "\"" + longForm + "\"";
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?<![\\w\"])" + java.util.regex.Pattern.quote(acronym) + "s?(?![\\w\"])",
                java.util.regex.Pattern.CASE_INSENSITIVE)
            .matcher(q);
    if (!m.find()) return q + " " + phrase;
    return m.replaceAll(java.util.regex.Matcher.quoteReplacement(phrase));
  }

  private static void filters(Html h, SearchParams p) {
    h.raw("<form class=\"filters\" action=\"/search\" method=\"get\">")
        .raw("<label>Query <input type=\"search\" name=\"q\" value=\"")
        .text(p.q())
        .raw("\"></label>")
        .raw("<label>Mode <select name=\"mode\">");
    for (SearchMode m : SearchMode.values()) {
      h.raw("<option").raw(m == p.mode() ? " selected" : "").raw(">").text(m).raw("</option>");
    }
    h.raw("</select></label>")
        .raw("<label>From <input type=\"date\" name=\"from\" value=\"")
        .text(p.from())
        .raw("\"></label>")
        .raw("<label>To <input type=\"date\" name=\"to\" value=\"")
        .text(p.to())
        .raw("\"></label>")
        .raw("<label>Category <input name=\"cat\" placeholder=\"cs.CL\" value=\"")
        .text(String.join(",", p.categories()))
        .raw("\"></label>")
        .raw("<button type=\"submit\">Search</button></form>");
  }

  private static void modes(Html h, SearchParams p, SearchMode used) {
    h.raw("<nav class=\"tabs\" aria-label=\"Search mode\">");
    for (SearchMode m : SearchMode.values()) {
      h.raw("<a href=\"/search?")
          .text(p.query(1, m))
          .raw("\"")
          .raw(m == p.mode() ? " aria-current=\"page\"" : "")
          .raw(">")
          .text(m)
          .raw("</a>");
    }
    if (used != p.mode())
      h.raw("<span class=\"note\">(")
          .text(p.mode())
          .raw(" search is not available here; showing ")
          .text(used)
          .raw(")</span>");
    h.raw("</nav>");
  }
}
