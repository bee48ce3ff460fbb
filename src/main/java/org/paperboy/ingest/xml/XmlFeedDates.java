package org.paperboy.ingest.xml;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The date forms arXiv feeds use, reduced to the calendar day (in UTC where a time is given). */
public final class XmlFeedDates {
  private XmlFeedDates() {}

  /**
   * Parses {@code 2017-07-27T08:18:33Z} (Atom), {@code 2015-07-10} (OAI-PMH) or {@code Mon, 2 Apr
   * 2007 19:18:42 GMT} (arXivRaw versions). Returns null for null or unreadable text: a paper with
   * a garbled date is still worth having, and the pipeline decides what a missing date means.
   */
  public static LocalDate parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s);
      }
      if (Character.isDigit(s.charAt(0))) {
        return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
      }
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)
          .withZoneSameInstant(ZoneOffset.UTC)
          .toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
