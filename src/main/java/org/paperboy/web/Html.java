package org.paperboy.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * HTML output. {@link #text} escapes (titles can contain {@code <script>}); {@link #raw} is for
 * markup this code wrote itself, and for search snippets that the search service already escaped.
 * Pages are built with this one class so that escaping is the default and raw is the exception.
 */
public final class Html {
  private final StringBuilder out = new StringBuilder(8192);

  public static String escape(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A query-string value. */
  static String url(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html text(Object value) {
    out.append(escape(value == null ? "" : value.toString()));
    return this;
  }

  /** {@code <a href="href">text</a>}, both escaped. */
  Html link(String href, String text) {
    return raw("<a href=\"").text(href).raw("\">").text(text).raw("</a>");
  }

  /** A hidden form field. */
  Html hidden(String name, String value) {
    return raw("<input type=\"hidden\" name=\"")
        .text(name)
        .raw("\" value=\"")
        .text(value)
        .raw("\">");
  }

  static String abbreviate(String s, int max) {
    if (s == null) return "";
    return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
