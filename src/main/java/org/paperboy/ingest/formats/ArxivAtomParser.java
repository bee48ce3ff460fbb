package org.paperboy.ingest.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperboy.BadInputException;
import org.paperboy.ingest.PageInfo;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.xml.BadXmlRecordException;
import org.paperboy.ingest.xml.XmlChunkReader;
import org.paperboy.ingest.xml.XmlChunks;
import org.paperboy.ingest.xml.XmlFeedDates;
import org.paperboy.ingest.xml.XmlRecordSplitter;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Links;
import org.paperboy.paper.Paper;

/**
 * Reads responses of the arXiv API ({@code export.arxiv.org/api/query}): an Atom feed with one
 * {@code <entry>} per paper, {@code arxiv:} extension elements and {@code opensearch:} paging.
 *
 * <p>The API reports a bad query not with an HTTP body of its own but with a feed whose single
 * entry has an id under {@code arxiv.org/api/errors} and the message as its summary; that feed is
 * unusable as a whole and becomes a {@link BadInputException}.
 */
final class ArxivAtomParser implements FeedParser {
  static final String SOURCE = "arxiv-atom";

  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) throws IOException {
    XMLInputFactory factory = XmlChunks.newFactory();
    XmlRecordSplitter splitter = new XmlRecordSplitter(Set.of("entry", "totalResults"));
    XmlChunkReader reader =
        new XmlChunkReader(
            factory,
            sink,
            r -> r.getLocalName().equals("entry") ? entry(r) : totalResults(r, sink));
    XmlRecordSplitter.Outline outline = splitter.split(in, reader);
    reader.flush();
    XmlChunks.checkOutline(outline, Set.of("feed"), "an arXiv API Atom feed", sourceName, sink);
  }

  private static Paper.Builder totalResults(XMLStreamReader r, RecordSink sink)
      throws XMLStreamException {
    String text = XmlChunks.text(r);
    try {
      sink.page(new PageInfo(Long.parseLong(text), null, null));
    } catch (NumberFormatException e) {
      // a paging hint only; a feed with a garbled count is still a good feed
    }
    return null;
  }

  private static Paper.Builder entry(XMLStreamReader r) throws XMLStreamException {
    Paper.Builder paper = Paper.builder().addSource(SOURCE);
    String id = null;
    String primary = null;
    List<String> categories = new ArrayList<>();
    String abs = null;
    String pdf = null;
    while (XmlChunks.nextChild(r)) {
      switch (r.getLocalName()) {
        case "id" -> id = XmlChunks.text(r);
        case "title" -> paper.title(XmlChunks.text(r));
        case "summary" -> paper.abstractText(XmlChunks.text(r));
        case "published" -> paper.published(XmlFeedDates.parse(XmlChunks.text(r)));
        case "updated" -> paper.updated(XmlFeedDates.parse(XmlChunks.text(r)));
        case "author" -> author(r, paper);
        case "primary_category" -> primary = attribute(r, "term");
        case "category" -> categories.add(attribute(r, "term"));
        case "doi" -> paper.doi(XmlChunks.text(r));
        case "journal_ref" -> paper.journalRef(XmlChunks.text(r));
        case "comment" -> paper.comments(XmlChunks.text(r));
        case "link" -> {
          String href = XmlChunks.clean(r.getAttributeValue(null, "href"));
          if ("pdf".equals(r.getAttributeValue(null, "title"))) {
            pdf = href;
          } else if ("alternate".equals(r.getAttributeValue(null, "rel"))) {
            abs = href;
          }
          XmlChunks.skip(r);
        }
        default -> XmlChunks.skip(r);
      }
    }
    if (id != null && id.contains("arxiv.org/api/errors")) {
      String message = paper.abstractText() != null ? paper.abstractText() : id;
      throw new BadInputException("arXiv API error: " + message);
    }
    if (id == null) {
      throw new BadXmlRecordException("has no <id>");
    }
    ArxivId.Versioned versioned;
    try {
      versioned = ArxivId.parseVersioned(id);
    } catch (BadInputException e) {
      throw new BadXmlRecordException("has an <id> that is not an arXiv id: '" + id + "'");
    }
    paper.id(versioned.id().value()).version(versioned.version());
    // The primary category leads even though the feed lists it after the others.
    if (primary != null) {
      paper.addCategory(primary);
    }
    categories.stream().filter(c -> c != null).forEach(paper::addCategory);
    if (abs != null || pdf != null) {
      paper.links(new Links(abs, pdf, null, null));
    }
    return paper;
  }

  /** Adds the author's name; affiliations and anything else in {@code <author>} are not kept. */
  private static void author(XMLStreamReader r, Paper.Builder paper) throws XMLStreamException {
    while (XmlChunks.nextChild(r)) {
      if (r.getLocalName().equals("name")) {
        String name = XmlChunks.text(r);
        if (name != null) {
          paper.addAuthor(name);
        }
      } else {
        XmlChunks.skip(r);
      }
    }
  }

  private static String attribute(XMLStreamReader r, String name) throws XMLStreamException {
    String value = XmlChunks.clean(r.getAttributeValue(null, name));
    XmlChunks.skip(r);
    return value;
  }
}
