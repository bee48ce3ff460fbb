package org.paperboy.web;

import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.paperboy.BadInputException;
import org.paperboy.digest.SubscriptionForm;

/**
 * The digest's form fields, written for the subscribe and manage pages and read back from a post.
 */
final class DigestForm {
  private static final String ZONES = zoneList();

  private DigestForm() {}

  static void fields(
      Html h,
      String email,
      List<String> alerts,
      boolean trending,
      String time,
      String zone,
      int max,
      boolean emailEditable) {
    h.raw("<label for=\"email\">Email address</label>")
        .raw(
            "<input id=\"email\" type=\"email\" name=\"email\" required autocomplete=\"email\" value=\"")
        .text(email)
        .raw("\"")
        .raw(emailEditable ? ">" : " readonly>")
        .raw("<label for=\"alerts\">Alerts: saved searches, one per line (at most ")
        .text(SubscriptionForm.MAX_ALERTS)
        .raw(")</label>")
        .raw(
            "<textarea id=\"alerts\" name=\"alerts\" rows=\"5\" placeholder=\"visual token reduction\">")
        .text(String.join("\n", alerts))
        .raw("</textarea>")
        .raw("<label><input type=\"checkbox\" name=\"trending\" value=\"yes\"")
        .raw(trending ? " checked" : "")
        .raw("> Include trending papers</label>")
        .raw("<label for=\"time\">Send at (your local time)</label>")
        .raw("<input id=\"time\" type=\"time\" name=\"time\" required value=\"")
        .text(time)
        .raw("\">")
        .raw("<label for=\"zone\">Time zone</label>")
        .raw("<input id=\"zone\" name=\"zone\" list=\"zones\" required value=\"")
        .text(zone)
        .raw("\">")
        .raw(ZONES)
        .raw("<label for=\"max\">At most this many papers per email</label>")
        .raw("<input id=\"max\" type=\"number\" name=\"max\" min=\"1\" max=\"100\" value=\"")
        .text(max)
        .raw("\">");
  }

  static SubscriptionForm read(Context ctx) {
    String max = ctx.formParam("max");
    Integer n;
    try {
      n = max == null || max.isBlank() ? null : Integer.valueOf(max.strip());
    } catch (NumberFormatException e) {
      throw new BadInputException(
          "maximum papers per email must be a number, was '" + Html.abbreviate(max, 20) + "'");
    }
    String alerts = ctx.formParam("alerts");
    // A textarea is the one field where line breaks are the separator, not an injection.
    List<String> lines = alerts == null ? List.of() : Arrays.asList(alerts.split("\r\n|\r|\n"));
    return SubscriptionForm.parse(
        ctx.formParam("email"),
        lines,
        ctx.formParam("trending") != null,
        ctx.formParam("time"),
        ctx.formParam("zone"),
        n);
  }

  private static String zoneList() {
    Html h = new Html().raw("<datalist id=\"zones\">");
    for (String z : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
      if (z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
        h.raw("<option value=\"").text(z).raw("\">");
    }
    return h.raw("<option value=\"UTC\"></datalist>").toString();
  }
}
