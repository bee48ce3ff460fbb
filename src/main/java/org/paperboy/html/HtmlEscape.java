package org.paperboy.html;

/**
 * HTML escaping for text and attribute values, shared by the web pages and the digest's mail: both
 * put titles and abstracts that may contain {@code <script>} into markup, and neither should import
 * the other to do it.
 */
public final class HtmlEscape {
  private HtmlEscape() {}

  /**
   * {@code s} with {@code < > & " '} as entities, safe in text and in quoted attributes; null is
   * "".
   */
  public static String escape(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    escapeInto(out, s);
    return out.toString();
  }

  /** Appends {@code s} escaped as {@link #escape} does, without an intermediate string. */
  public static void escapeInto(StringBuilder out, String s) {
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      String entity =
          switch (s.charAt(i)) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (entity != null) {
        out.append(s, start, i).append(entity);
        start = i + 1;
      }
    }
    out.append(s, start, s.length());
  }
}
