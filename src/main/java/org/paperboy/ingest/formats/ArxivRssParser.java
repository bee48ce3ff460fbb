package org.paperboy.ingest.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperboy.BadInputException;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.xml.BadXmlRecordException;
import org.paperboy.ingest.xml.XmlChunkReader;
import org.paperboy.ingest.xml.XmlChunks;
import org.paperboy.ingest.xml.XmlRecordSplitter;
import org.paperboy.paper.Paper;

/**
 * rss.arxiv.org RSS 2.0: one {@code <item>} per announced paper. Items are cut out of the stream by
 * {@link XmlRecordSplitter} and read with StAX one at a time (as the Atom and OAI parsers do), so a
 * large feed is never held whole and a malformed item is rejected on its line while the items after
 * it are still read. {@link RssItem} turns an item's fields into a paper. DTDs and external
 * entities are refused: a feed must not be able to make us read local files or expand entities
 * without end.
 */
final class ArxivRssParser implements FeedParser {
  private static final XMLInputFactory XML = XmlChunks.newFactory();
  private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";
  private static final String ARXIV = "http://arxiv.org/schemas/atom";

  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) throws IOException {
    XmlRecordSplitter splitter = new XmlRecordSplitter(Set.of("item"));
    XmlChunkReader reader = new XmlChunkReader(XML, sink, ArxivRssParser::item);
    XmlRecordSplitter.Outline outline = splitter.split(in, reader);
    reader.flush();
    XmlChunks.checkOutline(outline, Set.of("rss"), "an RSS feed", sourceName, sink);
  }

  private static Paper.Builder item(XMLStreamReader xml) throws XMLStreamException {
    RssItem item = readItem(xml);
    try {
      return item.toPaper();
    } catch (BadInputException e) {
      throw new BadXmlRecordException(e.getMessage()); // this item only, not the feed
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
}
