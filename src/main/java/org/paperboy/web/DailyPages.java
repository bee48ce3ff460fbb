package org.paperboy.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.paperboy.account.SavedPapers;
import org.paperboy.paper.Paper;
import org.paperboy.rank.Votes;
import org.paperboy.store.PaperCalendar;

/**
 * The papers by publication date: a day ({@code /}, {@code /papers?date=}), an ISO week ({@code
 * /papers/week/2026-W48}) and a month ({@code /papers/month/2026-11}). Empty periods say so and
 * link to the nearest day that has papers.
 */
final class DailyPages {
  static final int PAGE_SIZE = 50;
  static final int MAX_PAGE = 1000;

  private final PaperCalendar calendar;
  private final Votes votes;
  private final SavedPapers saved;
  private final Clock clock;
  // The part of a period's page every visitor sees, by path and page number; see render().
  private final Kept<Shown> kept;

  DailyPages(PaperCalendar calendar, Votes votes, SavedPapers saved, Changes changes, Clock clock) {
    this.calendar = calendar;
    this.votes = votes;
    this.saved = saved;
    this.clock = clock;
    this.kept = changes.kept(2048, true);
  }

  private record Shown(String title, Html.Fragment main) {}

  /** The day {@code /} shows: the newest with papers, not in the future. */
  LocalDate today() {
    LocalDate now = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return calendar.latestDay(now).orElse(now);
  }

  void day(Context ctx) {
    String date = Param.get(ctx, "date");
    LocalDate d = date == null ? today() : Dates.day(date, "date");
    render(ctx, "/papers?date=" + d, () -> Period.day(d, calendar));
  }

  void week(Context ctx, String week) {
    LocalDate monday = Dates.weekStart(week);
    render(ctx, "/papers/week/" + week, () -> Period.week(week, monday));
  }

  void month(Context ctx, String month) {
    YearMonth m = Dates.month(month);
    render(ctx, "/papers/month/" + m, () -> Period.month(m));
  }

  /**
   * Everything but the vote buttons is kept per period and page until the next ingest or vote: the
   * list, its counts and the neighbouring days are the same for every visitor. The buttons (and the
   * sign-in state and CSRF token in the frame) are written per request.
   */
  private void render(Context ctx, String path, Supplier<Period> period) {
    int page = Dates.page(Param.get(ctx, "page"), MAX_PAGE);
    Shown shown = kept.get(path + " " + page, () -> shared(period.get(), page));
    Html h = new Html();
    PaperCards.fill(h, shown.main(), votes, saved, Visitor.of(ctx), Layout.here(ctx));
    Layout.send(ctx, shown.title(), h, null);
  }

  private Shown shared(Period p, int page) {
    long total = calendar.countBetween(p.from(), p.to());
    List<Paper> papers = calendar.between(p.from(), p.to(), (page - 1) * PAGE_SIZE, PAGE_SIZE);
    Html h = new Html(65_536);
    h.raw("<h1>").text(p.title()).raw("</h1>");
    h.raw("<nav class=\"pager\" aria-label=\"Dates\">");
    if (p.prev() != null)
      h.raw("<a rel=\"prev\" href=\"")
          .text(p.prev())
          .raw("\">← ")
          .text(p.previousLabel())
          .raw("</a>");
    h.raw("<span class=\"views\">");
    h.link("/papers?date=" + p.from(), "day")
        .raw(" · ")
        .link("/papers/week/" + Dates.week(p.from()), "week")
        .raw(" · ")
        .link("/papers/month/" + YearMonth.from(p.from()), "month");
    h.raw("</span>");
    if (p.next() != null)
      h.raw("<a rel=\"next\" href=\"").text(p.next()).raw("\">").text(p.nextLabel()).raw(" →</a>");
    h.raw("</nav>");
    if (total == 0) {
      empty(h, p);
    } else {
      h.raw("<p class=\"count\">")
          .text(String.format("%,d", total))
          .text(total == 1 ? " paper" : " papers")
          .raw("</p>");
      List<PaperCards.Card> cards = papers.stream().map(x -> new PaperCards.Card(x)).toList();
      PaperCards.list(h, cards, votes, (page - 1) * PAGE_SIZE + 1);
      pages(h, p.path(), page, total);
    }
    return new Shown(p.title(), h.fragment());
  }

  private void empty(Html h, Period p) {
    h.raw("<div class=\"empty\"><p>No papers were published ");
    if (p.kind().equals("day")) {
      h.raw("on ").text(p.from().format(Dates.DAY_TITLE)).raw(".");
      int dow = p.from().getDayOfWeek().getValue();
      if (dow >= 6) h.raw(" arXiv does not announce new papers on weekends.");
    } else {
      h.raw("in this ").text(p.kind()).raw(".");
    }
    h.raw("</p>");
    Optional<LocalDate> before = calendar.dayBefore(p.from());
    Optional<LocalDate> after = calendar.dayAfter(p.to());
    Optional<LocalDate> nearest = nearest(p.from(), p.to(), before, after);
    if (nearest.isPresent()) {
      h.raw("<p>The nearest day with papers: <a class=\"nearest\" href=\"/papers?date=")
          .text(nearest.get())
          .raw("\">")
          .text(nearest.get().format(Dates.DAY_TITLE))
          .raw("</a>.</p>");
    } else {
      h.raw("<p>The store holds no dated papers yet.</p>");
    }
    h.raw("</div>");
  }

  static Optional<LocalDate> nearest(
      LocalDate from, LocalDate to, Optional<LocalDate> before, Optional<LocalDate> after) {
    if (before.isEmpty()) return after;
    if (after.isEmpty()) return before;
    long back = before.get().until(from, java.time.temporal.ChronoUnit.DAYS);
    long ahead = to.until(after.get(), java.time.temporal.ChronoUnit.DAYS);
    return ahead < back ? after : before;
  }

  static void pages(Html h, String path, int page, long total) {
    long last = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    if (last == 1) return;
    String sep = path.contains("?") ? "&" : "?";
    h.raw("<nav class=\"pager\" aria-label=\"Pages\">");
    if (page > 1)
      h.raw("<a rel=\"prev\" href=\"")
          .text(path + sep + "page=" + (page - 1))
          .raw("\">← previous page</a>");
    h.raw("<span>page ").text(page).raw(" of ").text(last).raw("</span>");
    if (page < last)
      h.raw("<a rel=\"next\" href=\"")
          .text(path + sep + "page=" + (page + 1))
          .raw("\">next page →</a>");
    h.raw("</nav>");
  }
}
