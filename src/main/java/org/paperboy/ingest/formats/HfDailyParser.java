package org.paperboy.ingest.formats;

import static org.paperboy.ingest.formats.FeedText.trimToNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
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
 * <p>The API returns the whole response on one line, so rejects name the entry, its id and its
 * column; an entry with broken syntax costs only itself ({@link JsonEntries}).
 */
final class HfDailyParser implements FeedParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectReader ENTRY =
      JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) throws IOException {
    // A Reader, not the raw bytes: Jackson's byte parser stops at the first invalid UTF-8 byte.
    PushbackReader text = new PushbackReader(FeedText.reader(in), 1);
    long line = 1, column = 0;
    int c = text.read();
    if (c == '\uFEFF') c = text.read();
    while (c >= 0 && Character.isWhitespace(c)) {
      if (c == '\n') {
        line++;
        column = 0;
      } else column++;
      c = text.read();
    }
    if (c < 0) return;
    if (c != '[' && c != '{') {
      text.unread(c);
      try (JsonParser json = JSON.createParser(text)) {
        JsonToken first = json.nextToken();
        throw new BadInputException(
            sourceName
                + ": expected a JSON array of Hugging Face daily papers, found "
                + describe(first));
      } catch (JsonProcessingException e) {
        sink.reject(line, "invalid JSON: " + e.getOriginalMessage());
        return;
      }
    }
    boolean array = c == '[';
    if (!array) text.unread(c);
    readEntries(new JsonEntries(text, array, line, array ? column + 1 : column), sink);
  }

  /**
   * Each entry parsed on its own, so one with broken syntax is rejected (with its index and id) and
   * the entries after it are still read; only a truncated file ends the reading early.
   */
  private static void readEntries(JsonEntries entries, RecordSink sink) throws IOException {
    int index = 0;
    for (JsonEntries.Entry e = entries.next(); e != null; e = entries.next()) {
      index++;
      String where =
          " (" + (e.id() == null ? "" : "id " + e.id() + ", ") + "column " + e.column() + ")";
      JsonNode entry;
      try {
        entry = ENTRY.readTree(e.text());
      } catch (JsonProcessingException x) {
        String rest = e.truncated() ? "; the rest of the file was not read" : "";
        sink.reject(
            e.line(),
            "invalid JSON in entry " + index + where + ": " + x.getOriginalMessage() + rest);
        if (e.truncated()) return;
        continue;
      }
      Paper.Builder paper;
      try {
        paper = read(entry == null ? JSON.missingNode() : entry);
      } catch (BadInputException x) {
        sink.reject(e.line(), "entry " + index + " (column " + e.column() + "): " + x.getMessage());
        continue;
      }
      sink.accept(paper, e.line());
    }
    if (entries.unclosed()) {
      sink.reject(
          entries.line(), "the input ends before the closing ']'; the file looks truncated");
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
}
