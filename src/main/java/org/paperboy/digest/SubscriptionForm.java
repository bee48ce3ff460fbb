package org.paperboy.digest;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.paperboy.BadInputException;
import org.paperboy.search.QuerySyntax;

/**
 * What a reader (or an admin) asks for, checked: every field either passes or is a {@link
 * BadInputException} that names the field and the value. Everything here ends up in mail headers or
 * in SQL, so line breaks are refused outright rather than cleaned. Alerts must parse as searches.
 */
public record SubscriptionForm(
    String email,
    List<String> alerts,
    boolean trending,
    LocalTime sendTime,
    ZoneId zone,
    int maxPapers) {

  public static final int MAX_ALERTS = 20;
  public static final int MAX_ALERT_LENGTH = 300;
  public static final int DEFAULT_MAX_PAPERS = 20;
  public static final LocalTime DEFAULT_TIME = LocalTime.of(7, 0);
  private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  public SubscriptionForm {
    email = email(email);
    alerts = alerts(alerts);
    if (sendTime == null) sendTime = DEFAULT_TIME;
    if (zone == null) zone = ZoneId.of("UTC");
    if (maxPapers < 1 || maxPapers > 100) {
      throw new BadInputException(
          "maximum papers per email must be from 1 to 100, was " + maxPapers);
    }
  }

  /** Parses the text fields as the web form and the CLI give them; null means the default. */
  public static SubscriptionForm parse(
      String email,
      List<String> alerts,
      boolean trending,
      String time,
      String zone,
      Integer maxPapers) {
    return new SubscriptionForm(
        email,
        alerts,
        trending,
        time(time),
        zone(zone),
        maxPapers == null ? DEFAULT_MAX_PAPERS : maxPapers);
  }

  /** Lower-cased and checked; one line, one address, nothing a mail header could be bent with. */
  public static String email(String raw) {
    if (raw == null || raw.isBlank()) throw new BadInputException("the email address is missing");
    noLineBreaks("the email address", raw);
    String e = raw.strip().toLowerCase(Locale.ROOT);
    if (e.length() > 254 || !EMAIL.matcher(e).matches() || e.contains("..")) {
      throw new BadInputException("'" + shorten(e) + "' is not an email address");
    }
    return e;
  }

  static List<String> alerts(List<String> raw) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String a : raw == null ? List.<String>of() : raw) {
      if (a == null) continue;
      noLineBreaks("alert '" + shorten(a.strip()) + "'", a);
      String s = a.strip().replaceAll("\\s+", " ");
      if (s.isEmpty()) continue;
      if (s.length() > MAX_ALERT_LENGTH) {
        throw new BadInputException(
            "alert '" + shorten(s) + "' is longer than " + MAX_ALERT_LENGTH + " characters");
      }
      syntax(s);
      out.add(s);
    }
    if (out.size() > MAX_ALERTS) {
      throw new BadInputException(
          "at most "
              + MAX_ALERTS
              + " alerts per subscription, got "
              + out.size()
              + "; remove some");
    }
    return new ArrayList<>(out);
  }

  /**
   * An alert is a saved search, so it must be a search that parses ({@link QuerySyntax}): bad
   * syntax is refused when the alert is saved, with search's message ("the quote at position 1 is
   * never closed"), rather than matching something else every morning.
   */
  private static void syntax(String alert) {
    try {
      QuerySyntax.parse(alert);
    } catch (BadInputException e) {
      throw new BadInputException("alert '" + shorten(alert) + "': " + e.getMessage());
    }
  }

  /**
   * Exactly HH:MM, as the message says: LocalTime.parse alone also took seconds ("23:59:59",
   * silently dropped), so the shape is checked first and only then the value.
   */
  static LocalTime time(String raw) {
    if (raw == null || raw.isBlank()) return DEFAULT_TIME;
    noLineBreaks("the send time", raw);
    String t = raw.strip();
    if (!HH_MM.matcher(t).matches()) {
      throw new BadInputException("send time must be HH:MM (24-hour), was '" + shorten(raw) + "'");
    }
    return LocalTime.of(Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(3)));
  }

  static ZoneId zone(String raw) {
    if (raw == null || raw.isBlank()) return ZoneId.of("UTC");
    noLineBreaks("the time zone", raw);
    try {
      return ZoneId.of(raw.strip());
    } catch (DateTimeException e) {
      throw new BadInputException(
          "unknown time zone '" + shorten(raw) + "': use a region like Europe/Berlin or UTC");
    }
  }

  static void noLineBreaks(String what, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
      throw new BadInputException(what + " must be one line (it contains a line break)");
    }
  }

  static String shorten(String s) {
    String one = s.replace("\r", "\\r").replace("\n", "\\n");
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }
}
