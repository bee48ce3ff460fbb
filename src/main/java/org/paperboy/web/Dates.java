package org.paperboy.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.BadInputException;

/** Parses the dates, weeks and months in URLs; junk is a 400 that names it. */
final class Dates {
  static final DateTimeFormatter DAY_TITLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

  private Dates() {}

  /**
   * Years paperboy accepts in a URL. java.time parses years up to ±999,999,999, where the day
   * before or the month after no longer exists; nothing is dated outside four digits anyway.
   */
  static final int FIRST_YEAR = 1;

  static final int LAST_YEAR = 9999;

  static LocalDate day(String s, String what) {
    LocalDate d;
    try {
      d = LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          what + " must be a date like 2026-06-12, was '" + Html.abbreviate(s, 40) + "'");
    }
    inRange(d.getYear(), what, s);
    return d;
  }

  private static void inRange(int year, String what, String s) {
    if (year < FIRST_YEAR || year > LAST_YEAR)
      throw new BadInputException(
          what
              + " must be in the years "
              + FIRST_YEAR
              + " to "
              + LAST_YEAR
              + ", was '"
              + Html.abbreviate(s, 40)
              + "'");
  }

  /** The Monday of ISO week {@code 2026-W48}. */
  static LocalDate weekStart(String s) {
    Matcher m = WEEK.matcher(s);
    if (!m.matches())
      throw new BadInputException(
          "a week looks like 2026-W48, was '" + Html.abbreviate(s, 40) + "'");
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    inRange(year, "the week", s);
    LocalDate mid = LocalDate.of(year, 6, 1);
    if (week < 1 || week > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
      throw new BadInputException(year + " has no week " + week);
    }
    return mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
  }

  static String week(LocalDate d) {
    return String.format(
        "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  static YearMonth month(String s) {
    YearMonth m;
    try {
      m = YearMonth.parse(s);
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          "a month looks like 2026-11, was '" + Html.abbreviate(s, 40) + "'");
    }
    inRange(m.getYear(), "the month", s);
    return m;
  }

  /** The page number in {@code ?page=}, 1 when absent; at most {@code max}. */
  static int page(String s, int max) {
    if (s == null || s.isBlank()) return 1;
    try {
      int p = Integer.parseInt(s.strip());
      if (p >= 1 && p <= max) return p;
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new BadInputException(
        "page must be a number from 1 to " + max + ", was '" + Html.abbreviate(s, 40) + "'");
  }
}
