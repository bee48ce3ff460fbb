package org.paperboy.ingest.formats;

import static org.paperboy.ingest.formats.FeedText.trimToNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paperboy.BadInputException;
import org.paperboy.ingest.RecordSink;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Links;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Signals;

/**
 * Hugging Face {@code /api/daily_papers}: a JSON array of {@code {"paper": {...}, ...}} entries.
 * The array is streamed and only one entry at a time becomes a tree. Also accepted: entries as
 * separate top-level objects (a JSON-lines dump) and bare paper objects without the {@code paper}
 * wrapper (the {@code /api/papers/ID} shape).
 *
 * <p>The API returns the whole response on one line, so rejects name the entry and its column.
 */
final class HfDailyParser implements FeedParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) throws IOException {
    // A Reader, not the raw bytes: Jackson's byte parser stops at the first invalid UTF-8 byte.
    try (JsonParser json = JSON.createParser(FeedText.reader(in))) {
      JsonToken first;
      try {
        first = json.nextToken();
      } catch (JsonProcessingException e) {
        sink.reject(line(e.getLocation()), "invalid JSON: " + e.getOriginalMessage());
        return;
      }
      if (first == null) {
        return;
      }
      boolean array = first == JsonToken.START_ARRAY;
      if (!array && first != JsonToken.START_OBJECT) {
        throw new BadInputException(
            sourceName
                + ": expected a JSON array of Hugging Face daily papers, found "
                + describe(first));
      }
      readEntries(json, array, sink);
    }
  }

  private static void readEntries(JsonParser json, boolean array, RecordSink sink)
      throws IOException {
    int index = 0;
    JsonToken token = array ? null : json.currentToken();
    while (true) {
      JsonLocation start;
      JsonNode entry;
      int next = index + 1; // the entry a syntax error belongs to, even between entries
      try {
        if (array || index > 0) {
          token = json.nextToken();
        }
        if (token == null || token == JsonToken.END_ARRAY) {
          return;
        }
        index++;
        start = json.currentTokenLocation();
        entry = JSON.readTree(json);
      } catch (JsonProcessingException e) {
        // Jackson cannot find the next entry after broken syntax; what came before is kept.
        sink.reject(
            line(e.getLocation()),
            "invalid JSON in entry "
                + next
                + at(e.getLocation())
                + ": "
                + e.getOriginalMessage()
                + "; the rest of the file was not read");
        return;
      }
      Paper.Builder paper;
      try {
        paper = read(entry);
      } catch (BadInputException e) {
        sink.reject(line(start), "entry " + index + at(start) + ": " + e.getMessage());
        continue;
      }
      sink.accept(paper, line(start));
    }
  }

  static Paper.Builder read(JsonNode entry) {
    if (!entry.isObject()) {
      throw new BadInputException(
          "expected an object, found " + entry.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    JsonNode p = entry.has("paper") ? entry.get("paper") : entry;
    if (!p.isObject()) {
      throw new BadInputException("'paper' should be an object");
    }
    Paper.Builder paper = Paper.builder().addSource("hf-daily");
    String id = text(p, "id");
    String code = text(p, "githubRepo");
    String project = text(p, "projectPage");
    if (id != null) {
      ArxivId.Versioned arxiv = ArxivId.parseVersioned(id);
      paper.id(arxiv.id().value()).version(arxiv.version());
      paper.links(new Links(arxiv.id().absUrl(), arxiv.id().pdfUrl(), code, project));
    } else {
      paper.links(new Links(null, null, code, project));
    }
    paper.title(orElse(text(p, "title"), text(entry, "title")));
    paper.abstractText(orElse(text(p, "summary"), text(entry, "summary")));
    for (JsonNode author : p.path("authors")) {
      // Not author.user.name: that is the Hugging Face account ("DyJiang"), not the person.
      String name = text(author, "name");
      if (name != null) {
        paper.addAuthor(name);
      }
    }
    // paper.publishedAt is the arXiv date; the entry's own publishedAt is the same instant shifted.
    paper.published(date(orElse(text(p, "publishedAt"), text(entry, "publishedAt"))));
    paper.signals(new Signals(integer(p, "upvotes"), integer(p, "githubStars"), keywords(p)));
    return paper;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isContainerNode()) {
      throw new BadInputException(
          "'" + field + "' should be a string, found " + (v.isArray() ? "an array" : "an object"));
    }
    return trimToNull(v.asText());
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.canConvertToInt() && v.isIntegralNumber()) {
      return v.intValue();
    }
    throw new BadInputException("'" + field + "' should be a whole number, found '" + v + "'");
  }

  private static List<String> keywords(JsonNode p) {
    List<String> keywords = new ArrayList<>();
    for (JsonNode k : p.path("ai_keywords")) {
      String word = k.isTextual() ? trimToNull(k.asText()) : null;
      if (word != null && !keywords.contains(word)) {
        keywords.add(word);
      }
    }
    return keywords;
  }

  /** "2026-05-30T00:00:00.000Z" to its UTC date; a bare "2026-05-30" is accepted too. */
  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text)
          : Instant.parse(text).atOffset(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new BadInputException("'publishedAt' is not an ISO date-time: '" + text + "'");
    }
  }

  private static String describe(JsonToken token) {
    if (token.isNumeric()) return "a number";
    if (token.isBoolean()) return "a boolean";
    return token == JsonToken.VALUE_STRING ? "a string" : token.name();
  }

  private static String orElse(String a, String b) {
    return a != null ? a : b;
  }

  private static long line(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }

  private static String at(JsonLocation location) {
    return location == null ? "" : " (column " + location.getColumnNr() + ")";
  }
}
