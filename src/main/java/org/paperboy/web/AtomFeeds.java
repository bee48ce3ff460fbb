package org.paperboy.web;

import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.paperboy.PaperboyException;
import org.paperboy.paper.Paper;
import org.paperboy.rank.Trending;
import org.paperboy.rank.TrendingItem;
import org.paperboy.rank.TrendingService;
import org.paperboy.rank.Window;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchService;
import org.paperboy.store.PaperRepository;

/**
 * Atom feeds (RFC 4287) for any search ({@code /feed.atom?q=}, the newest papers without q) and for
 * trending ({@code /trending.atom?window=}). Written with a StAX writer, so escaping is its job.
 */
final class AtomFeeds {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final int SIZE = 50;

  private final PaperRepository papers;
  private final SearchService search;
  private final TrendingService trending;
  private final Supplier<String> baseUrl;
  private final Clock clock;

  AtomFeeds(
      PaperRepository papers,
      SearchService search,
      TrendingService trending,
      Supplier<String> baseUrl,
      Clock clock) {
    this.papers = papers;
    this.search = search;
    this.trending = trending;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  void search(Context ctx) {
    SearchParams params = SearchParams.of(ctx, SIZE);
    List<Paper> listed;
    String title;
    if (params.q().isEmpty()) {
      listed = papers.latest(SIZE);
      title = "paperboy: the newest papers";
    } else {
      List<SearchHit> hits = params.run(search).hits();
      Map<String, Paper> found = papers.findAll(hits.stream().map(SearchHit::id).toList());
      listed = new ArrayList<>();
      for (SearchHit h : hits) if (found.containsKey(h.id())) listed.add(found.get(h.id()));
      title = "paperboy: " + params.q();
    }
    String self = "/feed.atom" + (params.q().isEmpty() ? "" : "?" + params.query(1, params.mode()));
    String html = params.q().isEmpty() ? "/" : "/search?" + params.query(1, params.mode());
    send(ctx, title, self, html, listed);
  }

  void trending(Context ctx) {
    Window window = Window.parse(Param.get(ctx, "window"));
    Trending t = trending.trending(window, SIZE);
    List<Paper> items = t.items().stream().map(TrendingItem::paper).toList();
    send(
        ctx,
        "paperboy: trending (" + window + ")",
        "/trending.atom?window=" + window,
        "/trending?window=" + window,
        items);
  }

  /**
   * The feed's {@code updated} is its newest entry's, so the same entries make the same bytes and a
   * reader's conditional GET gets a 304; an empty feed is as old as the epoch.
   */
  void send(Context ctx, String title, String self, String html, List<Paper> papers) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant newest = Instant.EPOCH;
    for (Paper p : papers) {
      Instant u = updated(p, now);
      if (u.isAfter(newest)) newest = u;
    }
    byte[] xml = Conditional.utf8(write(title, self, html, papers, newest, now));
    Conditional.send(ctx, "application/atom+xml; charset=utf-8", xml, newest);
  }

  private static Instant updated(Paper p, Instant now) {
    return p.updated() != null
        ? p.updated().atStartOfDay(ZoneOffset.UTC).toInstant()
        : p.published() != null
            ? p.published().atStartOfDay(ZoneOffset.UTC).toInstant()
            : p.firstSeen() != null ? p.firstSeen().truncatedTo(ChronoUnit.SECONDS) : now;
  }

  private String write(
      String title, String self, String html, List<Paper> papers, Instant newest, Instant now) {
    String base = baseUrl.get();
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      x.writeStartDocument("utf-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(ATOM);
      element(x, "id", base + self);
      element(x, "title", title);
      element(x, "updated", newest.toString());
      link(x, "self", base + self, "application/atom+xml");
      link(x, "alternate", base + html, "text/html");
      x.writeStartElement("author");
      element(x, "name", "paperboy");
      x.writeEndElement();
      element(x, "generator", "paperboy");
      for (Paper p : papers) {
        x.writeStartElement("entry");
        String url = base + PaperCards.paperPath(p.id());
        element(x, "id", url);
        element(x, "title", clean(p.title()));
        element(x, "updated", updated(p, now).toString());
        if (p.published() != null)
          element(
              x, "published", p.published().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        link(x, "alternate", url, "text/html");
        for (String a : p.authors().subList(0, Math.min(20, p.authors().size()))) {
          x.writeStartElement("author");
          element(x, "name", clean(a));
          x.writeEndElement();
        }
        for (String c : p.categories()) {
          x.writeEmptyElement("category");
          x.writeAttribute("term", clean(c));
        }
        x.writeStartElement("summary");
        x.writeAttribute("type", "text");
        x.writeCharacters(clean(p.abstractText()));
        x.writeEndElement();
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new PaperboyException("cannot write the Atom feed: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static void element(XMLStreamWriter x, String name, String text)
      throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(clean(text));
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String href, String type)
      throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("href", href);
    x.writeAttribute("type", type);
  }

  /** Drops the characters XML 1.0 cannot hold at all (control characters from damaged feeds). */
  static String clean(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000)
        .forEach(b::appendCodePoint);
    return b.toString();
  }
}
