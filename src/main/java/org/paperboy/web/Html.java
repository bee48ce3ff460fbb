package org.paperboy.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.html.HtmlEscape;

/**
 * HTML output. {@link #text} escapes (titles can contain {@code <script>}); {@link #raw} is for
 * markup this code wrote itself, and for search snippets that the search service already escaped.
 * Pages are built with this one class so that escaping is the default and raw is the exception.
 *
 * <p>A page part that every visitor sees alike is built once and kept as a {@link Fragment}; the
 * few places that differ per visitor (the vote buttons) are left as {@link #hole}s and filled in on
 * each request.
 *
 * <p>Kept fragments are held as UTF-8 bytes and copied out as such: encoding a 50 kB page from
 * Java's UTF-16 strings (the arrows and dots make it UTF-16) took about half the time of a kept
 * daily page. Once a fragment has been written, this Html collects bytes; what comes after it is
 * encoded as it is flushed.
 */
public final class Html {
  private final StringBuilder out;
  private final List<String> parts = new ArrayList<>();
  private final List<String> holes = new ArrayList<>();
  private int cut;
  private ByteArrayOutputStream bytes; // null until a kept fragment or byte Html is written

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
  record Fragment(List<byte[]> parts, List<String> holes) {
    Fragment {
      parts = List.copyOf(parts);
      holes = List.copyOf(holes);
      if (parts.size() != holes.size() + 1) throw new IllegalArgumentException("parts and holes");
    }

    int length() {
      int n = 0;
      for (byte[] p : parts) n += p.length;
      return n;
    }
  }

  public static String escape(String s) {
    return HtmlEscape.escape(s);
  }

  private static void escapeInto(StringBuilder out, String s) {
    HtmlEscape.escapeInto(out, s);
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
    if (bytes != null) throw new IllegalStateException("a kept fragment cannot hold another");
    parts.add(out.substring(cut));
    holes.add(paperId);
    cut = out.length();
    return this;
  }

  /** What was written, with its holes, to keep and {@link #fill} on later requests. */
  Fragment fragment() {
    List<byte[]> all = new ArrayList<>();
    for (String p : parts) all.add(p.getBytes(StandardCharsets.UTF_8));
    all.add(out.substring(cut).getBytes(StandardCharsets.UTF_8));
    return new Fragment(all, holes);
  }

  /** Writes a kept fragment, asking {@code filler} to write each hole. */
  Html fill(Fragment f, java.util.function.BiConsumer<Html, String> filler) {
    flush(f.length() + f.holes().size() * 512);
    for (int i = 0; i < f.holes().size(); i++) {
      bytes.writeBytes(f.parts().get(i));
      filler.accept(this, f.holes().get(i));
      flush(0);
    }
    bytes.writeBytes(f.parts().get(f.parts().size() - 1));
    return this;
  }

  /** Moves the text written so far to the bytes (starting them, with room for {@code more}). */
  private void flush(int more) {
    if (bytes == null) bytes = new ByteArrayOutputStream(out.length() * 3 / 2 + more + 8_192);
    if (out.isEmpty()) return;
    bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
    out.setLength(0);
  }

  /** Appends what {@code other} holds. */
  Html append(Html other) {
    if (other.bytes == null) {
      out.append(other.out);
    } else {
      flush(other.bytes.size());
      try {
        other.bytes.writeTo(bytes);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e); // a ByteArrayOutputStream does not throw
      }
      out.append(other.out);
    }
    return this;
  }

  /** Roughly how many bytes (or characters) this holds. */
  int length() {
    return out.length() + (bytes == null ? 0 : bytes.size());
  }

  /** The whole output as UTF-8. */
  byte[] toBytes() {
    if (bytes == null) return out.toString().getBytes(StandardCharsets.UTF_8);
    flush(0);
    return bytes.toByteArray();
  }

  static String abbreviate(String s, int max) {
    if (s == null) return "";
    return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
  }

  @Override
  public String toString() {
    return bytes == null ? out.toString() : new String(toBytes(), StandardCharsets.UTF_8);
  }
}
