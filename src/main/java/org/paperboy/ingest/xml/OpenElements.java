package org.paperboy.ingest.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The elements open around the current position outside any record, with the xmlns declarations of
 * each: a record cut out of the feed must re-declare the namespaces in scope where it was cut.
 */
final class OpenElements {
  private static final Pattern XMLNS =
      Pattern.compile("(xmlns(?::[\\w.\\-]+)?)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

  private record Open(String qName, Map<String, String> xmlns) {}

  private final Deque<Open> open = new ArrayDeque<>();
  private String nsDecls = ""; // cached; null after the scope changed

  /** A start tag {@code <qName ...>} outside any record; {@code tag} is its text. */
  void push(String qName, CharSequence tag) {
    open.push(new Open(qName, xmlnsOf(tag)));
    nsDecls = null;
  }

  /** An end tag: closes {@code qName} and whatever was left open inside it. */
  void close(String qName) {
    while (contains(qName)) {
      Open closed = open.pop();
      nsDecls = null;
      if (closed.qName.equals(qName)) break;
    }
  }

  boolean contains(String qName) {
    for (Open o : open) {
      if (o.qName.equals(qName)) return true;
    }
    return false;
  }

  boolean isEmpty() {
    return open.isEmpty();
  }

  /** The xmlns declarations in scope, innermost winning, as attribute text (" xmlns=..."). */
  String namespaces() {
    if (nsDecls == null) {
      Map<String, String> byPrefix = new LinkedHashMap<>();
      for (Iterator<Open> it = open.descendingIterator(); it.hasNext(); ) {
        byPrefix.putAll(it.next().xmlns);
      }
      StringBuilder sb = new StringBuilder();
      byPrefix.forEach((name, value) -> sb.append(' ').append(name).append('=').append(value));
      nsDecls = sb.toString();
    }
    return nsDecls;
  }

  private static Map<String, String> xmlnsOf(CharSequence tag) {
    Map<String, String> decls = new LinkedHashMap<>();
    Matcher m = XMLNS.matcher(tag);
    while (m.find()) {
      decls.put(m.group(1), m.group(2));
    }
    return decls;
  }
}
