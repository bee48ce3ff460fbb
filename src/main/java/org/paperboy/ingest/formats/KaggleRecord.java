package org.paperboy.ingest.formats;

import static org.paperboy.ingest.formats.FeedText.trimToNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringTokenizer;
import org.paperboy.BadInputException;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Links;
import org.paperboy.paper.Paper;

/**
 * Reads one Kaggle snapshot object from a streaming parser into a builder. Fields the snapshot has
 * but paperboy does not keep ({@code submitter}, {@code report-no}) are skipped.
 */
final class KaggleRecord {
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private final JsonParser json;
  private final Paper.Builder paper = Paper.builder().addSource("kaggle");
  private String authors;
  private List<String> authorsParsed;
  private String firstCreated;
  private String lastCreated;
  private int lastVersion;
  private String updateDate;

  private KaggleRecord(JsonParser json) {
    this.json = json;
  }

  /** Reads the object the parser is about to start; BadInputException names what was wrong. */
  static Paper.Builder read(JsonParser json) throws IOException {
    return new KaggleRecord(json).read();
  }

  private Paper.Builder read() throws IOException {
    JsonToken start = json.nextToken();
    if (start != JsonToken.START_OBJECT) {
      throw new BadInputException("expected a JSON object, found " + describe(start));
    }
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      json.nextToken();
      field(name);
    }
    JsonToken after = json.nextToken();
    if (after != null) {
      throw new BadInputException("more than one JSON value on the line");
    }
    finish();
    return paper;
  }

  private void field(String name) throws IOException {
    switch (name) {
      case "id" -> id(text(name));
      case "title" -> paper.title(text(name));
      case "abstract" -> paper.abstractText(text(name));
      case "comments" -> paper.comments(text(name));
      case "journal-ref" -> paper.journalRef(text(name));
      case "doi" -> paper.doi(text(name));
      case "license" -> paper.license(text(name));
      case "authors" -> authors = text(name);
      case "authors_parsed" -> authorsParsed = authorsParsed();
      case "categories" -> categories(text(name));
      case "versions" -> versions();
      case "update_date" -> updateDate = text(name);
      default -> json.skipChildren();
    }
  }

  private void finish() {
    if (authorsParsed != null && !authorsParsed.isEmpty()) {
      paper.authors(authorsParsed);
    } else {
      // Older dumps lack authors_parsed; the plain string still has TeX, which the Normalizer
      // decodes.
      paper.authors(FeedText.splitAuthors(authors));
    }
    if (firstCreated != null) {
      paper.published(date(firstCreated));
      paper.updated(date(lastCreated));
      paper.version(lastVersion);
    } else if (updateDate != null) {
      // No version history: the metadata's own update date is the best "updated" there is.
      paper.updated(isoDate(updateDate));
    }
  }

  private void id(String text) {
    if (text != null) {
      ArxivId id = ArxivId.parse(text);
      paper.id(id.value()).links(new Links(id.absUrl(), id.pdfUrl(), null, null));
    }
  }

  private String text(String name) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (KaggleParser.isStructure(token)) {
      throw new BadInputException("'" + name + "' should be a string, found " + describe(token));
    }
    return trimToNull(json.getText());
  }

  private void categories(String text) {
    if (text == null) {
      return;
    }
    // Split by hand: String.split with a regex per record shows up in profiles at 20k records/s.
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf(' ', start);
      if (end < 0) {
        end = n;
      }
      if (end > start) {
        paper.addCategory(text.substring(start, end));
      }
      start = end + 1;
    }
  }

  /** [[last, first, suffix, affiliation...], ...] in the snapshot; we want "First Last Suffix". */
  private List<String> authorsParsed() throws IOException {
    List<String> names = new ArrayList<>();
    if (json.currentToken() != JsonToken.START_ARRAY) {
      json.skipChildren();
      return names;
    }
    for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
      if (t != JsonToken.START_ARRAY) {
        throw new BadInputException(
            "'authors_parsed' should hold arrays like [last, first, suffix]");
      }
      String last = element();
      String first = ungapInitials(element());
      String suffix = element();
      while (json.currentToken() != JsonToken.END_ARRAY) {
        json.nextToken(); // affiliations and anything else after the suffix
        json.skipChildren();
      }
      String name = join(first, last, suffix);
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  /** The next string of the current inner array, or null once it has ended (and stays there). */
  private String element() throws IOException {
    if (json.currentToken() == JsonToken.END_ARRAY) {
      return null;
    }
    JsonToken token = json.nextToken();
    if (token == JsonToken.END_ARRAY) {
      return null;
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (KaggleParser.isStructure(token)) {
      throw new BadInputException("'authors_parsed' should hold arrays of strings");
    }
    return trimToNull(json.getText());
  }

  /** The snapshot's own name splitter turns "C.-P. Yuan" into first name "C. -P."; undo that. */
  private static String ungapInitials(String first) {
    return first == null || !first.contains(". -") ? first : first.replace(". -", ".-");
  }

  private static String join(String first, String last, String suffix) {
    StringBuilder sb = new StringBuilder();
    for (String part : new String[] {first, last, suffix}) {
      if (part != null) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(part);
      }
    }
    return sb.isEmpty() ? null : sb.toString();
  }

  /** [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}, ...], oldest first. */
  private void versions() throws IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      json.skipChildren();
      return;
    }
    for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        throw new BadInputException(
            "'versions' should hold objects like {\"version\": \"v1\", ...}");
      }
      String version = null;
      String created = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        json.nextToken();
        switch (name) {
          case "version" -> version = text("versions[].version");
          case "created" -> created = text("versions[].created");
          default -> json.skipChildren();
        }
      }
      if (created != null) {
        if (firstCreated == null) {
          firstCreated = created;
        }
        lastCreated = created;
      }
      if (version != null) {
        lastVersion = versionNumber(version);
      }
    }
  }

  private static int versionNumber(String v) {
    try {
      return Integer.parseInt(v.startsWith("v") ? v.substring(1) : v);
    } catch (NumberFormatException e) {
      throw new BadInputException("'versions' has a version that is not like v1: '" + v + "'");
    }
  }

  /**
   * "Mon, 2 Apr 2007 19:18:42 GMT" to 2007-04-02. Parsed by hand: the times are always GMT, so the
   * date is just the day, month and year words, and DateTimeFormatter would also reject a record
   * whose weekday does not match its date, which is no reason to lose it.
   */
  static LocalDate date(String rfc1123) {
    StringTokenizer words = new StringTokenizer(rfc1123.substring(rfc1123.indexOf(',') + 1));
    try {
      int day = Integer.parseInt(words.nextToken());
      String monthName = words.nextToken();
      int monthIndex = MONTHS.indexOf(monthName);
      if (monthName.length() != 3 || monthIndex < 0 || monthIndex % 3 != 0) {
        throw new NumberFormatException("month " + monthName);
      }
      return LocalDate.of(Integer.parseInt(words.nextToken()), monthIndex / 3 + 1, day);
    } catch (RuntimeException e) {
      throw new BadInputException(
          "'versions' has a date not like 'Mon, 2 Apr 2007 19:18:42 GMT': '" + rfc1123 + "'");
    }
  }

  private static LocalDate isoDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadInputException("'update_date' is not a date like 2008-11-26: '" + text + "'");
    }
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }
}
