package org.paperboy.web;

import io.javalin.http.Context;
import java.util.List;
import org.paperboy.BadInputException;
import org.paperboy.NotFoundException;
import org.paperboy.account.SavedPapers;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.rank.Votes;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchService;
import org.paperboy.store.PaperRepository;

/** {@code /papers/{id}}: one paper, its links, its upvotes and the papers nearest to it. */
final class PaperPage {
  static final int RELATED = 6;

  private final PaperRepository papers;
  private final SearchService search;
  private final Votes votes;
  private final SavedPapers saved;
  // The page without the visitor's vote button, by id, until the next ingest or vote.
  private final Kept<Shown> pages;
  // The related papers by id, until the next ingest: a vote does not change them, and they are the
  // dear part of the page (a nearest-neighbour search).
  private final Kept<List<SearchHit>> related;

  PaperPage(
      PaperRepository papers,
      SearchService search,
      Votes votes,
      SavedPapers saved,
      Changes changes) {
    this.papers = papers;
    this.search = search;
    this.votes = votes;
    this.saved = saved;
    this.pages = changes.kept(4096, true);
    this.related = changes.kept(4096, false);
  }

  private record Shown(String title, Html.Fragment main) {}

  /**
   * The paper for an id as a URL gives it: {@code 2401.01234}, {@code hep-th/9901001}, or a listing
   * id. An id with a version or in another form is answered by a redirect to the plain one.
   */
  static String canonical(String raw) {
    if (raw.startsWith("t-")) return raw;
    return ArxivId.looksLikeOne(raw) ? ArxivId.parse(raw).value() : raw;
  }

  /** The paper a vote or save form names (its {@code id} field), canonical; a 400 without one. */
  static String formPaper(Context ctx) {
    String id = ctx.formParam("id");
    if (id == null || id.isBlank()) throw new BadInputException("which paper? the form has no id");
    return canonical(id.strip());
  }

  Paper find(String id) {
    if (id.length() > 100) throw new NotFoundException("no paper with that id in the store");
    return papers
        .find(id)
        .orElseThrow(() -> new NotFoundException("no paper with id '" + id + "' in the store"));
  }

  void show(Context ctx, String raw) {
    String id = canonical(raw);
    if (!id.equals(raw)) {
      ctx.redirect(PaperCards.paperPath(id), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    Shown shown = pages.get(id, () -> shared(id));
    Html h = new Html();
    PaperCards.fill(h, shown.main(), votes, saved, Visitor.of(ctx), PaperCards.paperPath(id));
    Layout.send(ctx, shown.title(), h, null);
  }

  private Shown shared(String id) {
    Paper p = find(id);
    Html h = new Html(16_384);
    h.raw("<article class=\"paper-page\"><div class=\"votes\">").hole(p.id());
    PaperCards.count(h, votes.count(p.id()));
    h.raw("<h1>").text(p.title()).raw("</h1>");
    PaperCards.meta(h, p);
    h.raw("<p class=\"authors\">").text(String.join(", ", p.authors())).raw("</p>");
    h.raw("<dl class=\"facts\">");
    // A paper known only from Hugging Face has neither: say so rather than leave a gap
    fact(h, "Categories", p.categories().isEmpty() ? "unknown" : String.join(" ", p.categories()));
    fact(h, "Published", p.published());
    if (p.updated() != null && !p.updated().equals(p.published())) fact(h, "Updated", p.updated());
    if (p.hasArxivId()) fact(h, "Version", p.version() > 0 ? "v" + p.version() : "unknown");
    fact(h, "Journal", p.journalRef());
    fact(h, "DOI", p.doi());
    fact(h, "Comments", p.comments());
    h.raw("</dl><h2>Abstract</h2><p class=\"abstract full\">").text(p.abstractText()).raw("</p>");
    h.raw("<ul class=\"links\">");
    if (p.hasArxivId()) {
      ArxivId a = new ArxivId(p.id());
      link(h, safe(p.links().abs()) != null ? p.links().abs() : a.absUrl(), "arXiv abstract");
      link(h, safe(p.links().pdf()) != null ? p.links().pdf() : a.pdfUrl(), "PDF");
    } else {
      link(h, safe(p.links().abs()), "Abstract");
      link(h, safe(p.links().pdf()), "PDF");
    }
    String code = safe(p.links().code());
    if (code != null) {
      link(
          h,
          code,
          "Code"
              + (p.signals().githubStars() != null
                  ? " (★ " + p.signals().githubStars() + ")"
                  : ""));
    }
    link(h, safe(p.links().project()), "Project page");
    h.raw("</ul></article>");
    related(h, p.id());
    return new Shown(p.title(), h.fragment());
  }

  private void related(Html h, String id) {
    List<SearchHit> hits =
        related.get(
            id,
            () -> {
              try {
                return search.related(id, RELATED);
              } catch (NotFoundException e) {
                return List.of(); // not indexed yet: the page is still worth showing
              }
            });
    if (hits.isEmpty()) return;
    h.raw("<section class=\"related\"><h2>Related papers</h2><ul>");
    for (SearchHit hit : hits) {
      h.raw("<li>").link(PaperCards.paperPath(hit.id()), hit.title());
      if (hit.published() != null)
        h.raw(" <span class=\"meta\">").text(hit.published()).raw("</span>");
      h.raw("</li>");
    }
    h.raw("</ul></section>");
  }

  private static void fact(Html h, String name, Object value) {
    if (value == null || value.toString().isBlank()) return;
    h.raw("<dt>").text(name).raw("</dt><dd>").text(value).raw("</dd>");
  }

  private static void link(Html h, String href, String text) {
    if (href == null) return;
    h.raw("<li>")
        .raw("<a rel=\"noopener\" href=\"")
        .text(href)
        .raw("\">")
        .text(text)
        .raw("</a></li>");
  }

  /** Only http(s) links from feeds become hrefs; a {@code javascript:} URL is dropped. */
  static String safe(String url) {
    if (url == null) return null;
    String u = url.strip();
    return u.startsWith("https://") || u.startsWith("http://") ? u : null;
  }
}
