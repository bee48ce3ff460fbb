package org.paperboy.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.paperboy.account.SavedPapers;
import org.paperboy.rank.Trending;
import org.paperboy.rank.TrendingService;
import org.paperboy.rank.Votes;
import org.paperboy.rank.Window;

/** {@code /trending?window=day|week|month}: the same list as {@code paperboy trending}. */
final class TrendingPage {
  static final int LIMIT = 50;

  private final TrendingService trending;
  private final Votes votes;
  private final SavedPapers saved;
  // The list by window, kept until the next ingest or vote (or a minute: the votes' weight decays
  // with time, but by far less than a minute changes in a score shown to two decimals).
  private final Kept<Html.Fragment> kept;

  TrendingPage(TrendingService trending, Votes votes, SavedPapers saved, Changes changes) {
    this.trending = trending;
    this.votes = votes;
    this.saved = saved;
    this.kept = changes.kept(8, true);
  }

  void show(Context ctx) {
    Window window = Window.parse(Param.get(ctx, "window"));
    Html.Fragment main = kept.get(window.toString(), () -> shared(window));
    Html h = new Html();
    PaperCards.fill(h, main, votes, saved, Visitor.of(ctx), Layout.here(ctx));
    Layout.send(ctx, "Trending", h, "/trending.atom?window=" + window);
  }

  private Html.Fragment shared(Window window) {
    Trending t = trending.trending(window, LIMIT);
    Html h = new Html(65_536);
    h.raw("<h1>Trending</h1><nav class=\"tabs\" aria-label=\"Window\">");
    for (Window w : Window.values()) {
      String label =
          switch (w) {
            case DAY -> "Day";
            case WEEK -> "Week";
            case MONTH -> "Month";
          };
      h.raw("<a href=\"/trending?window=")
          .text(w)
          .raw("\"")
          .raw(w == window ? " aria-current=\"page\"" : "")
          .raw(">")
          .text(label)
          .raw("</a>");
    }
    h.raw("<a class=\"feed\" href=\"/trending.atom?window=")
        .text(window)
        .raw("\">Atom feed</a></nav>");
    h.raw(
            "<p class=\"explain\">Local upvotes, Hugging Face upvotes and GitHub stars, halving in"
                + " weight every ")
        .text(halfLife(trending.formula().halfLifeShare() * window.days()))
        .raw("; papers up to ")
        .text(t.feedDay())
        .raw(", the newest day with papers.</p>");
    if (t.items().isEmpty()) {
      h.raw(
          "<p class=\"empty\">Nothing is trending in this window yet: no paper in it has upvotes or"
              + " stars.</p>");
    } else {
      List<PaperCards.Card> cards =
          t.items().stream()
              .map(
                  i ->
                      new PaperCards.Card(
                          i.paper(), null, String.format(Locale.ROOT, "score %.2f", i.score())))
              .toList();
      PaperCards.list(h, cards, votes, 1);
    }
    return h.fragment();
  }

  static String halfLife(double days) {
    if (days < 1) return String.format(Locale.ROOT, "%.0f hours", days * 24);
    return String.format(Locale.ROOT, days == Math.rint(days) ? "%.0f days" : "%.1f days", days);
  }
}
