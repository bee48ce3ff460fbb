package org.paperboy.ingest.formats;

import static org.paperboy.ingest.formats.FeedText.trimToNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paperboy.BadInputException;
import org.paperboy.ingest.text.Normalizer;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Links;
import org.paperboy.paper.Paper;

/**
 * The fields of one arXiv RSS item, and the paper they describe. The description reads
 * "arXiv:2604.21935v1 Announce Type: new \nAbstract: ..."; the version comes from its id, the
 * abstract is what follows "Abstract:", with HTML stripped.
 *
 * <p>Dates: the item's {@code pubDate} is the announcement day. For announce type {@code new} that
 * is the day the paper appeared, so it becomes {@code published}; for {@code replace}, {@code
 * cross} and {@code replace-cross} the paper existed before, so it becomes {@code updated} and
 * {@code published} stays unknown. Without an announce type, version 1 counts as new.
 */
final class RssItem {
  private static final String ABSTRACT = "Abstract:";
  private static final String ANNOUNCE = "Announce Type:";

  private String title;
  private String link;
  private String guid;
  private String description;
  private String pubDate;
  private String announceType;
  private String rights;
  private final List<String> creators = new ArrayList<>();
  private final List<String> categories = new ArrayList<>();

  void field(String name, String text) {
    switch (name) {
      case "title" -> title = text;
      case "link" -> link = text;
      case "guid" -> guid = text;
      case "description" -> description = text;
      case "pubDate" -> pubDate = text;
      case "arxiv:announce_type" -> announceType = trimToNull(text);
      case "dc:rights" -> rights = text;
      case "dc:creator" -> creators.add(text);
      case "category" -> categories.add(text);
      default -> {} // comments, author, source...: nothing paperboy keeps
    }
  }

  Paper.Builder toPaper() {
    Paper.Builder paper = Paper.builder().addSource("arxiv-rss");
    String descriptionId = null;
    // Strip first: a feed that wraps the whole description in <p> must not hide the id in
    // "<p>arXiv:".
    String description = Normalizer.stripHtml(this.description);
    String abstractText = description;
    if (description != null) {
      int abs = description.indexOf(ABSTRACT);
      String head = abs >= 0 ? description.substring(0, abs) : "";
      abstractText = abs >= 0 ? description.substring(abs + ABSTRACT.length()) : description;
      descriptionId = firstWord(head);
      int announce = head.indexOf(ANNOUNCE);
      if (announceType == null && announce >= 0) {
        announceType = firstWord(head.substring(announce + ANNOUNCE.length()));
      }
    }
    ArxivId.Versioned id = id(descriptionId);
    paper.id(id.id().value()).version(id.version());
    paper.links(new Links(id.id().absUrl(), id.id().pdfUrl(), null, null));
    paper.title(trimToNull(title));
    paper.abstractText(trimToNull(abstractText));
    for (String creator : creators) {
      for (String name : FeedText.splitAuthors(creator)) {
        paper.addAuthor(name);
      }
    }
    for (String category : categories) {
      String c = trimToNull(category);
      if (c != null) {
        paper.addCategory(c);
      }
    }
    paper.license(trimToNull(rights));
    LocalDate date = date(trimToNull(pubDate));
    boolean isNew = announceType == null ? id.version() <= 1 : announceType.equals("new");
    if (isNew) {
      paper.published(date);
    } else {
      paper.updated(date);
    }
    return paper;
  }

  /**
   * The id from the first of link, guid and description that holds one; the version from the first
   * that names one (links usually do not).
   */
  private ArxivId.Versioned id(String descriptionId) {
    ArxivId found = null;
    int version = 0;
    for (String text : new String[] {link, guid, descriptionId}) {
      String t = trimToNull(text);
      if (t == null || !ArxivId.looksLikeOne(t)) {
        continue;
      }
      ArxivId.Versioned v = ArxivId.parseVersioned(t);
      if (found == null) {
        found = v.id();
      }
      if (version == 0 && v.id().equals(found)) {
        version = v.version();
      }
    }
    if (found == null) {
      throw new BadInputException(
          "item '" + abbreviate(title) + "' has no arXiv id in its link, guid or description");
    }
    return new ArxivId.Versioned(found, version);
  }

  /** "Mon, 27 Apr 2026 00:00:00 -0400" as the day it names where it was announced. */
  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return DateTimeFormatter.RFC_1123_DATE_TIME
          .withLocale(Locale.ROOT)
          .parse(text, LocalDate::from);
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          "pubDate is not an RFC 822 date like 'Mon, 27 Apr 2026 00:00:00 -0400': '" + text + "'");
    }
  }

  private static String firstWord(String s) {
    String t = s.strip();
    int end = 0;
    while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
      end++;
    }
    return end == 0 ? null : t.substring(0, end);
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "(untitled)";
    }
    String t = s.strip();
    return t.length() <= 60 ? t : t.substring(0, 57) + "...";
  }
}
