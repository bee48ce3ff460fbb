package org.paperboy.ingest.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.xml.XmlChunks;
import org.paperboy.paper.Paper;

/**
 * rss.arxiv.org RSS 2.0: one {@code <item>} per announced paper, read with StAX so a large feed is
 * never held whole. {@link RssItem} turns an item's fields into a paper.
 *
 * <p>XML that breaks mid-feed cannot be resynchronised, so the items before the break are kept and
 * the break is rejected with its line. DTDs and external entities are refused: a feed must not be
 * able to make us read local files or expand entities without end.
 */
final class ArxivRssParser implements FeedParser {
  private static final XMLInputFactory XML = XmlChunks.newFactory();
  private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";
  private static final String ARXIV = "http://arxiv.org/schemas/atom";

  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) throws IOException {
    // A Reader that replaces bad UTF-8: arXiv serves UTF-8, and one bad byte should cost one
    // character, not the rest of the feed.
    Reader reader = FeedText.reader(in);
    XMLStreamReader xml = null;
    long itemLine = 0;
    try {
      xml = XML.createXMLStreamReader(reader);
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("item")) {
          itemLine = xml.getLocation().getLineNumber();
          RssItem item = readItem(xml);
          Paper.Builder paper;
          try {
            paper = item.toPaper();
          } catch (org.paperboy.BadInputException e) {
            sink.reject(itemLine, e.getMessage());
            continue;
          }
          sink.accept(paper, itemLine);
        }
      }
    } catch (XMLStreamException e) {
      long line = e.getLocation() != null ? e.getLocation().getLineNumber() : itemLine;
      sink.reject(line, "malformed XML, the rest of the feed was not read: " + message(e));
    } finally {
      close(xml);
    }
  }

  /** Reads the item the reader stands on, up to its end tag. */
  private static RssItem readItem(XMLStreamReader xml) throws XMLStreamException {
    RssItem item = new RssItem();
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        // Every field is a leaf, so reading its text also consumes its end tag.
        item.field(qualifiedName(xml), text(xml));
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return item;
  }

  /** "dc:creator" by namespace, whatever prefix the feed chose; plain RSS names stay bare. */
  private static String qualifiedName(XMLStreamReader xml) {
    String ns = xml.getNamespaceURI();
    String name = xml.getLocalName();
    if (ns == null || ns.isEmpty()) {
      return name;
    }
    return switch (ns) {
      case DUBLIN_CORE -> "dc:" + name;
      case ARXIV -> "arxiv:" + name;
      default -> ns + " " + name;
    };
  }

  /**
   * The text of the element the reader stands on, including that of any child elements (a feed that
   * forgot to escape its HTML), leaving the reader on the element's end tag.
   */
  private static String text(XMLStreamReader xml) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS,
            XMLStreamConstants.CDATA,
            XMLStreamConstants.SPACE,
            XMLStreamConstants.ENTITY_REFERENCE ->
            sb.append(xml.getText());
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        default -> {}
      }
    }
    return sb.toString();
  }

  private static String message(XMLStreamException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    // The JDK prefixes "ParseError at [row,col]:[3,5]\nMessage: "; the line is reported already.
    int at = m.indexOf("Message: ");
    return at >= 0 ? m.substring(at + "Message: ".length()).strip() : m.strip();
  }

  private static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // nothing was written; a failed close of a reader loses nothing
      }
    }
  }
}
