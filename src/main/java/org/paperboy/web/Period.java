package org.paperboy.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import org.paperboy.store.PaperCalendar;

/**
 * A stretch of days the daily pages show, and how to get to its neighbours: a day links to the
 * nearest days with papers, a week or a month to the one before and after.
 */
record Period(
    String title,
    String kind,
    LocalDate from,
    LocalDate to,
    String prev,
    String next,
    String path) {

  static Period day(LocalDate d, PaperCalendar calendar) {
    return new Period(
        "Papers of " + d.format(Dates.DAY_TITLE),
        "day",
        d,
        d,
        calendar.dayBefore(d).map(x -> "/papers?date=" + x).orElse(null),
        calendar.dayAfter(d).map(x -> "/papers?date=" + x).orElse(null),
        "/papers?date=" + d);
  }

  /** ISO week {@code week} (as the URL writes it), which starts on {@code monday}. */
  static Period week(String week, LocalDate monday) {
    return new Period(
        "Papers of the week " + week,
        "week",
        monday,
        monday.plusDays(6),
        "/papers/week/" + Dates.week(monday.minusWeeks(1)),
        "/papers/week/" + Dates.week(monday.plusWeeks(1)),
        "/papers/week/" + week);
  }

  static Period month(YearMonth m) {
    return new Period(
        "Papers of "
            + m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
            + " "
            + m.getYear(),
        "month",
        m.atDay(1),
        m.atEndOfMonth(),
        "/papers/month/" + m.minusMonths(1),
        "/papers/month/" + m.plusMonths(1),
        "/papers/month/" + m);
  }

  String previousLabel() {
    return kind.equals("day") ? "previous day with papers" : "previous " + kind;
  }

  String nextLabel() {
    return kind.equals("day") ? "next day with papers" : "next " + kind;
  }
}
