package org.paperboy.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import org.paperboy.BadInputException;
import org.paperboy.paper.Paper;

/**
 * Kaggle's {@code arxiv-metadata-oai-snapshot.json}: one JSON object per line, about 2.7 million of
 * them, so this is the parser that sets ingest throughput. Lines are read one at a time (never the
 * whole file) and each is walked with Jackson's streaming tokens rather than a tree, which roughly
 * halves the allocation per record. A line that is not valid JSON is rejected with its number and
 * the rest of the file is still read.
 */
final class KaggleParser implements FeedParser {
  /** Thread-safe and expensive to create: one for every parse in the JVM. */
  private static final JsonFactory JSON = new JsonFactory();
  /** Real records stay under a few hundred KB (big collaborations' author lists). */
  static final int MAX_LINE = 16 << 20;

  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) throws IOException {
    BoundedLines lines = new BoundedLines(FeedText.reader(in), MAX_LINE);
    long lineNo = 0;
    for (String line = lines.next(); line != null; line = lines.next()) {
      lineNo++;
      if (lines.tooLong()) {
        sink.reject(lineNo, "line is longer than " + MAX_LINE + " characters; not a Kaggle record");
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      Paper.Builder paper;
      try (JsonParser json = JSON.createParser(line)) {
        paper = KaggleRecord.read(json);
      } catch (JsonProcessingException e) {
        sink.reject(lineNo, "invalid JSON: " + e.getOriginalMessage() + at(e));
        continue;
      } catch (BadInputException e) {
        sink.reject(lineNo, e.getMessage());
        continue;
      }
      // Outside the try: a failure of the sink itself is not a bad line.
      sink.accept(paper, lineNo);
    }
  }

  private static String at(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
  }

  /** True when {@code token} opens an array or object, which a text field must not be. */
  static boolean isStructure(JsonToken token) {
    return token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT;
  }
}
