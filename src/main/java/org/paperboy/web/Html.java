package org.paperboy.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HTML output. {@link #text} escapes (titles can contain {@code <script>}); {@link #raw} is for
 * markup this code wrote itself, and for search snippets that the search service already escaped.
 * Pages are built with this one class so that escaping is the default and raw is the exception.
 *
 * <p>A page part that every visitor sees alike is built once and kept as a {@link Fragment}; the
 * few places that differ per visitor (the vote buttons) are left as {@link #hole}s and filled in
 * on each request.
 */
public final class Html {
  private final StringBuilder out;
  private final List<String> parts = new ArrayList<>();
  private final List<String> holes = new ArrayList<>();
  private int cut;

  Html() {
    this(8192);
  }

  Html(int capacity) {
    out = new StringBuilder(capacity);
  }

  /**
   * Markup with holes: {@code parts} has one more element than {@code holes}, and the page is
   * parts[0], hole 0, parts[1], ... A hole is a paper id whose per-visitor vote control goes there.
   */
  record Fragment(List<String> parts, List<String> holes) {
    Fragment {
      parts = List.copyOf(parts);
      holes = List.copyOf(holes);
      if (parts.size() != holes.size() + 1) throw new IllegalArgumentException("parts and holes");
    }

    int length() {
      int n = 0;
      for (String p : parts) n += p.length();
      return n;
    }
  }

  public static String escape(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    escapeInto(out, s);
    return out.toString();
  }

  private static void escapeInto(StringBuilder out, String s) {
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

  /** A query-string value. */
  static String url(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html text(Object value) {
    escapeInto(out, value == null ? "" : value.toString());
    return this;
  }

  Html text(long value) {
    out.append(value);
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

  /** Leaves a place for the per-visitor vote control of {@code paperId} (see {@link #fragment}). */
  Html hole(String paperId) {
    parts.add(out.substring(cut));
    holes.add(paperId);
    cut = out.length();
    return this;
  }

  /** What was written, with its holes, to keep and {@link #fill} on later requests. */
  Fragment fragment() {
    List<String> all = new ArrayList<>(parts);
    all.add(out.substring(cut));
    return new Fragment(all, holes);
  }

  /** Writes a kept fragment, asking {@code filler} to write each hole. */
  Html fill(Fragment f, java.util.function.BiConsumer<Html, String> filler) {
    out.ensureCapacity(out.length() + f.length() + f.holes().size() * 512);
    for (int i = 0; i < f.holes().size(); i++) {
      out.append(f.parts().get(i));
      filler.accept(this, f.holes().get(i));
    }
    out.append(f.parts().get(f.parts().size() - 1));
    return this;
  }

  /** Appends what {@code other} holds, without copying it to a string first. */
  Html append(Html other) {
    out.append(other.out);
    return this;
  }

  int length() {
    return out.length();
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
