package org.paperboy.ingest.formats;

import java.io.IOException;
import java.io.InputStream;
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
import org.paperboy.ingest.xml.XmlRecordSplitter;
import org.paperboy.paper.Paper;

/**
 * Reads OAI-PMH 2.0 responses of arXiv ({@code export.arxiv.org/oai2}): {@code ListRecords} and
 * {@code GetRecord} pages with metadata in the {@code arXiv}, {@code arXivRaw} or {@code oai_dc}
 * format (see {@link OaiMetadata}).
 *
 * <p>Deleted records are skipped, not rejected: they are a normal part of a harvest. An {@code
 * <error>} means the request was wrong and the page is unusable, except {@code noRecordsMatch},
 * which is OAI-PMH's way of saying "nothing new". arXiv sometimes answers with a bare {@code
 * <error>} document without the OAI-PMH envelope; that is read the same way.
 */
final class OaiPmhParser implements FeedParser {
  static final String SOURCE = "oai-pmh";

  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) throws IOException {
    XMLInputFactory factory = XmlChunks.newFactory();
    XmlRecordSplitter splitter =
        new XmlRecordSplitter(Set.of("record", "resumptionToken", "error"));
    XmlChunkReader reader =
        new XmlChunkReader(
            factory,
            sink,
            r ->
                switch (r.getLocalName()) {
                  case "record" -> record(r);
                  case "resumptionToken" -> resumptionToken(r, sink);
                  default -> error(r);
                });
    XmlRecordSplitter.Outline outline = splitter.split(in, reader);
    reader.flush();
    XmlChunks.checkOutline(
        outline, Set.of("OAI-PMH", "error"), "an OAI-PMH response", sourceName, sink);
  }

  private static Paper.Builder record(XMLStreamReader r) throws XMLStreamException {
    String identifier = null;
    Paper.Builder paper = null;
    boolean sawMetadata = false;
    while (XmlChunks.nextChild(r)) {
      switch (r.getLocalName()) {
        case "header" -> {
          if ("deleted".equals(r.getAttributeValue(null, "status"))) {
            XmlChunks.skip(r);
            skipRest(r);
            return null;
          }
          identifier = headerIdentifier(r);
        }
        case "metadata" -> {
          sawMetadata = true;
          paper = metadata(r);
        }
        default -> XmlChunks.skip(r);
      }
    }
    if (!sawMetadata) {
      throw new BadXmlRecordException("has no <metadata>");
    }
    if (paper == null) {
      throw new BadXmlRecordException("has an empty <metadata>");
    }
    OaiMetadata.useHeaderIdentifier(paper, identifier);
    return paper.addSource(SOURCE);
  }

  /** The metadata's one child element, read by its format. */
  private static Paper.Builder metadata(XMLStreamReader r) throws XMLStreamException {
    Paper.Builder paper = null;
    while (XmlChunks.nextChild(r)) {
      if (paper != null) {
        XmlChunks.skip(r);
      } else {
        paper = OaiMetadata.read(r);
      }
    }
    return paper;
  }

  private static String headerIdentifier(XMLStreamReader r) throws XMLStreamException {
    String identifier = null;
    while (XmlChunks.nextChild(r)) {
      if (r.getLocalName().equals("identifier")) {
        identifier = XmlChunks.text(r);
      } else {
        XmlChunks.skip(r);
      }
    }
    return identifier;
  }

  /** Consumes the rest of the current element so that its chunk is still checked to the end. */
  private static void skipRest(XMLStreamReader r) throws XMLStreamException {
    while (XmlChunks.nextChild(r)) {
      XmlChunks.skip(r);
    }
  }

  private static Paper.Builder resumptionToken(XMLStreamReader r, RecordSink sink)
      throws XMLStreamException {
    String size = r.getAttributeValue(null, "completeListSize");
    String token = XmlChunks.text(r);
    Long completeListSize = null;
    try {
      completeListSize = size == null ? null : Long.valueOf(size.strip());
    } catch (NumberFormatException e) {
      // a progress hint only; the token is what matters for paging
    }
    // An empty token is meaningful: it says the list is complete.
    sink.page(new PageInfo(null, token == null ? "" : token, completeListSize));
    return null;
  }

  private static Paper.Builder error(XMLStreamReader r) throws XMLStreamException {
    String code = XmlChunks.clean(r.getAttributeValue(null, "code"));
    String message = XmlChunks.text(r);
    if ("noRecordsMatch".equals(code)) {
      return null;
    }
    throw new BadInputException(
        "OAI-PMH error "
            + (code == null ? "(no code)" : code)
            + (message == null ? "" : ": " + message));
  }
}
