package org.paperboy.ingest.formats;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperboy.BadInputException;
import org.paperboy.ingest.text.AuthorStrings;
import org.paperboy.ingest.xml.BadXmlRecordException;
import org.paperboy.ingest.xml.XmlChunks;
import org.paperboy.ingest.xml.XmlFeedDates;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;

/**
 * The three metadata formats of arXiv's OAI-PMH interface, each read into a {@link Paper.Builder}:
 * {@code arXiv} (structured authors), {@code arXivRaw} (every version with its date, authors as one
 * string) and {@code oai_dc} (Dublin Core, the lowest common denominator).
 */
final class OaiMetadata {
  private OaiMetadata() {}

  /** Reads the metadata element the reader is on, choosing the format by its name. */
  static Paper.Builder read(XMLStreamReader r) throws XMLStreamException {
    return switch (r.getLocalName()) {
      case "arXiv" -> arxiv(r);
      case "arXivRaw" -> arxivRaw(r);
      case "dc" -> dublinCore(r);
      default ->
          throw new BadXmlRecordException(
              "has metadata in a format paperboy does not read: <"
                  + r.getLocalName()
                  + "> (namespace "
                  + r.getNamespaceURI()
                  + "); the readable formats are arXiv, arXivRaw and oai_dc");
    };
  }

  /** Falls back on the header's {@code oai:arXiv.org:...} identifier when the metadata had none. */
  static void useHeaderIdentifier(Paper.Builder paper, String identifier) {
    if (paper.id() == null && ArxivId.looksLikeOne(identifier)) {
      paper.id(ArxivId.parse(identifier).value());
    }
  }

  private static Paper.Builder arxiv(XMLStreamReader r) throws XMLStreamException {
    Paper.Builder paper = Paper.builder();
    while (XmlChunks.nextChild(r)) {
      switch (r.getLocalName()) {
        case "created" -> paper.published(XmlFeedDates.parse(XmlChunks.text(r)));
        case "authors" -> {
          while (XmlChunks.nextChild(r)) {
            String name = structuredAuthor(r);
            if (name != null) paper.addAuthor(name);
          }
        }
        default -> common(r, paper);
      }
    }
    return paper;
  }

  /**
   * {@code <author><keyname/><forenames/><suffix/><affiliation/></author>} as "Forenames Keyname".
   */
  private static String structuredAuthor(XMLStreamReader r) throws XMLStreamException {
    String keyname = null;
    String forenames = null;
    String suffix = null;
    while (XmlChunks.nextChild(r)) {
      switch (r.getLocalName()) {
        case "keyname" -> keyname = XmlChunks.text(r);
        case "forenames" -> forenames = XmlChunks.text(r);
        case "suffix" -> suffix = XmlChunks.text(r);
        default -> XmlChunks.skip(r);
      }
    }
    return join(forenames, keyname, suffix);
  }

  private static Paper.Builder arxivRaw(XMLStreamReader r) throws XMLStreamException {
    Paper.Builder paper = Paper.builder();
    List<String> versionDates = new ArrayList<>();
    while (XmlChunks.nextChild(r)) {
      switch (r.getLocalName()) {
        case "version" -> {
          paper.version(versionNumber(r.getAttributeValue(null, "version")));
          String date = null;
          while (XmlChunks.nextChild(r)) {
            if (r.getLocalName().equals("date")) date = XmlChunks.text(r);
            else XmlChunks.skip(r);
          }
          versionDates.add(date);
        }
        case "authors" -> AuthorStrings.split(XmlChunks.text(r)).forEach(paper::addAuthor);
        default -> common(r, paper);
      }
    }
    // Versions are listed oldest first: the first dates the paper, the last its latest update.
    if (!versionDates.isEmpty()) {
      paper.published(XmlFeedDates.parse(versionDates.get(0)));
      paper.updated(XmlFeedDates.parse(versionDates.get(versionDates.size() - 1)));
    }
    return paper;
  }

  private static Paper.Builder dublinCore(XMLStreamReader r) throws XMLStreamException {
    Paper.Builder paper = Paper.builder();
    List<String> dates = new ArrayList<>();
    while (XmlChunks.nextChild(r)) {
      switch (r.getLocalName()) {
        case "title" -> paper.title(XmlChunks.text(r));
        case "creator" -> {
          String name = invertedName(XmlChunks.text(r));
          if (name != null) paper.addAuthor(name);
        }
        case "subject" -> addIfPresent(paper, XmlChunks.text(r));
        case "description" -> {
          String text = XmlChunks.text(r);
          // The first description is the abstract; arXiv adds the comments as "Comment: ...".
          if (text != null && paper.abstractText() == null) {
            paper.abstractText(text);
          } else if (text != null && text.startsWith("Comment:")) {
            paper.comments(XmlChunks.clean(text.substring("Comment:".length())));
          }
        }
        case "date" -> dates.add(XmlChunks.text(r));
        case "identifier" -> {
          String id = XmlChunks.text(r);
          if (id != null && id.matches("(?i)https?://(export\\.)?arxiv\\.org/abs/.+")) {
            paper.id(arxivId(id).id().value());
          } else if (id != null && id.startsWith("doi:")) {
            paper.doi(XmlChunks.clean(id.substring("doi:".length())));
          }
        }
        default -> XmlChunks.skip(r);
      }
    }
    dates.removeIf(d -> d == null);
    if (!dates.isEmpty()) {
      paper.published(XmlFeedDates.parse(dates.get(0)));
      if (dates.size() > 1) {
        paper.updated(XmlFeedDates.parse(dates.get(dates.size() - 1)));
      }
    }
    return paper;
  }

  /** The elements {@code arXiv} and {@code arXivRaw} share. */
  private static void common(XMLStreamReader r, Paper.Builder paper) throws XMLStreamException {
    switch (r.getLocalName()) {
      case "id" -> {
        String id = XmlChunks.text(r);
        if (id != null) {
          ArxivId.Versioned v = arxivId(id);
          paper.id(v.id().value());
        }
      }
      case "updated" -> paper.updated(XmlFeedDates.parse(XmlChunks.text(r)));
      case "title" -> paper.title(XmlChunks.text(r));
      case "categories" -> {
        String text = XmlChunks.text(r);
        if (text != null) {
          for (String category : text.split("\\s+")) paper.addCategory(category);
        }
      }
      case "comments" -> paper.comments(XmlChunks.text(r));
      case "journal-ref" -> paper.journalRef(XmlChunks.text(r));
      case "doi" -> paper.doi(XmlChunks.text(r));
      case "license" -> paper.license(XmlChunks.text(r));
      case "abstract" -> paper.abstractText(XmlChunks.text(r));
      default -> XmlChunks.skip(r);
    }
  }

  private static ArxivId.Versioned arxivId(String text) {
    try {
      return ArxivId.parseVersioned(text);
    } catch (BadInputException e) {
      throw new BadXmlRecordException("has an id that is not an arXiv id: '" + text + "'");
    }
  }

  /** "v3" is 3; anything unreadable is 0, the model's "unknown". */
  private static int versionNumber(String version) {
    if (version == null) return 0;
    try {
      return Integer.parseInt(version.strip().replaceFirst("^[vV]", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Dublin Core writes "Keyname, Forenames[, Suffix]"; paperboy writes "Forenames Keyname". */
  static String invertedName(String creator) {
    if (creator == null) return null;
    String[] parts = creator.split(",", 3);
    if (parts.length == 1) return XmlChunks.clean(creator);
    return join(parts[1], parts[0], parts.length == 3 ? parts[2] : null);
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      String p = XmlChunks.clean(part);
      if (p != null) {
        if (!sb.isEmpty()) sb.append(' ');
        sb.append(p);
      }
    }
    return XmlChunks.clean(sb.toString());
  }

  private static void addIfPresent(Paper.Builder paper, String category) {
    if (category != null) paper.addCategory(category);
  }
}
