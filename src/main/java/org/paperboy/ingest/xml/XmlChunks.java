package org.paperboy.ingest.xml;

import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperboy.BadInputException;
import org.paperboy.ingest.RecordSink;

/**
 * StAX for the XML feed parsers: a hardened reader factory, the few moves the parsers need (walk
 * the children of an element, take its text) and the checks and messages they share.
 */
public final class XmlChunks {
  private XmlChunks() {}

  /**
   * A reader factory that never fetches or expands anything: no DTDs, no external entities (XXE),
   * so a hostile feed cannot read local files or blow up memory with nested entities.
   */
  public static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /**
   * Checks that the document was the feed the parser reads ({@code roots}: the accepted local names
   * of its root element, {@code what}: the feed's name for messages) and reports a feed that ends
   * before its root is closed, which is what a cut download looks like.
   */
  public static void checkOutline(
      XmlRecordSplitter.Outline outline,
      Set<String> roots,
      String what,
      String source,
      RecordSink sink) {
    String root = outline.rootName();
    if (root == null) {
      throw new BadInputException(source + " is not " + what + ": it holds no XML element");
    }
    if (!roots.contains(root.substring(root.indexOf(':') + 1))) {
      throw new BadInputException(
          source + " is not " + what + ": its root element is <" + root + ">");
    }
    if (!outline.rootClosed() && !outline.cutAtEnd()) {
      sink.reject(
          outline.lastLine(),
          "the input ends before the closing </" + root + ">; the file looks truncated");
    }
  }

  /**
   * Moves to the next child element of the current element. Returns false, positioned on the
   * parent's END_ELEMENT, when there is none. Each child must be consumed with {@link #text} or
   * {@link #skip} before asking for the next.
   */
  public static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) return true;
      if (event == XMLStreamConstants.END_ELEMENT) return false;
    }
    return false;
  }

  /**
   * The text inside the current element, its children's text included (feeds sometimes carry markup
   * in titles), trimmed; null when empty. Leaves the reader on the element's END_ELEMENT.
   */
  public static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            sb.append(r.getText());
        default -> {}
      }
    }
    return clean(sb.toString());
  }

  /** Skips the current element and everything in it; leaves the reader on its END_ELEMENT. */
  public static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) depth++;
      if (event == XMLStreamConstants.END_ELEMENT) depth--;
    }
  }

  /** Trimmed, and null when nothing is left: parsers pass "absent" on as null, never as "". */
  public static String clean(String s) {
    if (s == null) return null;
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /**
   * Why a chunk is not well-formed, in words, with the line of the fault in the file: StAX's own
   * message is "ParseError at [row,col]:[3,15]\nMessage: ..." relative to the chunk.
   */
  static String describe(RecordChunk chunk, XMLStreamException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int at = message.indexOf("Message:");
    if (at >= 0) {
      message = message.substring(at + "Message:".length());
    }
    message = message.strip();
    String where = "";
    if (e.getLocation() != null && e.getLocation().getLineNumber() > 0) {
      where = " at line " + (chunk.line() + e.getLocation().getLineNumber() - 1);
    }
    return "<" + chunk.name() + "> is not well-formed" + where + ": " + message;
  }
}
