package org.paperboy.ingest.text;

import java.util.Map;
import java.util.Set;

/**
 * HTML fragments (RSS descriptions) to plain text. Only tags HTML really has are removed, so an
 * abstract that says "x<y and z>w" keeps its words; block tags leave a space so words on either
 * side do not run together. Entities are decoded; an unknown one stays as written.
 */
final class HtmlText {
  private static final Set<String> INLINE_TAGS =
      Set.of(
          "a", "abbr", "b", "big", "cite", "code", "em", "font", "i", "img", "kbd", "mark", "q",
          "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "var", "math",
          "mi", "mn", "mo", "mrow", "msub", "msup", "mfrac", "msqrt", "mtext");
  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "br",
          "div",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "table",
          "thead",
          "tbody",
          "tr",
          "td",
          "th",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr",
          "blockquote",
          "pre",
          "section",
          "article",
          "header",
          "footer",
          "figure",
          "figcaption",
          "caption");
  private static final Map<String, String> ENTITIES =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", "\u00A0"),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("hellip", "…"),
          Map.entry("lsquo", "‘"),
          Map.entry("rsquo", "’"),
          Map.entry("ldquo", "“"),
          Map.entry("rdquo", "”"),
          Map.entry("times", "×"),
          Map.entry("minus", "−"),
          Map.entry("plusmn", "±"),
          Map.entry("le", "≤"),
          Map.entry("ge", "≥"),
          Map.entry("ne", "≠"),
          Map.entry("deg", "°"),
          Map.entry("middot", "·"),
          Map.entry("copy", "©"),
          Map.entry("reg", "®"),
          Map.entry("trade", "™"),
          Map.entry("eacute", "é"),
          Map.entry("uuml", "ü"),
          Map.entry("ouml", "ö"),
          Map.entry("auml", "ä"),
          Map.entry("szlig", "ß"));
  private static final int MAX_ENTITY = 10;

  private HtmlText() {}

  static String strip(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '<') {
        i = tag(s, i, out);
      } else if (c == '&') {
        i = entity(s, i, out);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int tag(String s, int i, StringBuilder out) {
    if (s.startsWith("<!--", i)) {
      int end = s.indexOf("-->", i + 4);
      return end < 0 ? s.length() : end + 3;
    }
    int k = i + 1;
    if (k < s.length() && s.charAt(k) == '/') {
      k++;
    }
    int nameStart = k;
    while (k < s.length() && Character.isLetterOrDigit(s.charAt(k))) {
      k++;
    }
    String name = s.substring(nameStart, k).toLowerCase(java.util.Locale.ROOT);
    boolean block = BLOCK_TAGS.contains(name);
    int close = s.indexOf('>', k);
    int nextOpen = s.indexOf('<', k);
    boolean tagShape = k < s.length() && " \t\n/>".indexOf(s.charAt(k)) >= 0;
    if ((block || INLINE_TAGS.contains(name))
        && tagShape
        && close > 0
        && (nextOpen < 0 || nextOpen > close)) {
      if (block) {
        out.append(' ');
      }
      return close + 1;
    }
    out.append('<');
    return i + 1;
  }

  private static int entity(String s, int i, StringBuilder out) {
    int semi = s.indexOf(';', i + 1);
    if (semi < 0 || semi - i - 1 > MAX_ENTITY || semi == i + 1) {
      out.append('&');
      return i + 1;
    }
    String name = s.substring(i + 1, semi);
    String decoded;
    if (name.charAt(0) == '#') {
      decoded = numeric(name);
    } else {
      decoded = ENTITIES.get(name);
    }
    if (decoded == null) {
      out.append('&');
      return i + 1;
    }
    out.append(decoded);
    return semi + 1;
  }

  private static String numeric(String name) {
    try {
      boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
      int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
      return Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
