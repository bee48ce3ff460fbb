package org.paperboy.rank;

import java.util.Locale;
import org.paperboy.BadInputException;

/** How far back trending looks. */
public enum Window {
  DAY(1),
  WEEK(7),
  MONTH(30);

  private final int days;

  Window(int days) {
    this.days = days;
  }

  public int days() {
    return days;
  }

  /** Parses {@code day}, {@code week} or {@code month} in any case; null means the default, day. */
  public static Window parse(String s) {
    if (s == null || s.isBlank()) return DAY;
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          "unknown trending window '" + s + "': expected day, week or month");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
