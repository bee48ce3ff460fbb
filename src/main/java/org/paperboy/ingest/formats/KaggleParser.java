package org.paperboy.ingest.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.paperboy.BadInputException;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.text.ByteLines;
import org.paperboy.paper.Paper;

/**
 * Kaggle's {@code arxiv-metadata-oai-snapshot.json}: one JSON object per line, about 2.7 million of
 * them, so this is the parser that sets ingest throughput. Lines are read one at a time (never the
 * whole file), as bytes, and each is walked with Jackson's streaming tokens rather than a tree,
 * which roughly halves the allocation per record. A line that is not valid JSON is rejected with
 * its number and the rest of the file is still read.
 */
final class KaggleParser implements FeedParser {
  /** Thread-safe and expensive to create: one for every parse in the JVM. */
  private static final JsonFactory JSON = new JsonFactory();

  /** Real records stay under a few hundred KB (big collaborations' author lists). */
  static final int MAX_LINE = 16 << 20;

  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) throws IOException {
    ByteLines lines = new ByteLines(in, MAX_LINE);
    long lineNo = 0;
    while (lines.next()) {
      lineNo++;
      if (lines.tooLong()) {
        sink.reject(lineNo, "line is longer than " + MAX_LINE + " bytes; not a Kaggle record");
        continue;
      }
      if (lines.isBlank() || lines.bytes()[0] == '#') {
        continue; // a comment, as exports put before the records ("# arXiv snapshot export")
      }
      Paper.Builder paper;
      try {
        paper = read(lines.bytes(), lines.length());
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

  /**
   * Jackson reads the UTF-8 bytes directly. A line that is not valid UTF-8 (a damaged download) is
   * decoded with replacement characters and read again, as the other formats read such text.
   */
  private static Paper.Builder read(byte[] line, int length) throws IOException {
    try (JsonParser json = JSON.createParser(line, 0, length)) {
      return KaggleRecord.read(json);
    } catch (CharConversionException | JsonParseException e) {
      if (!malformedUtf8(e)) throw e;
    }
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(ByteBuffer.wrap(line, 0, length))
            .toString();
    try (JsonParser json = JSON.createParser(text)) {
      return KaggleRecord.read(json);
    }
  }

  private static boolean malformedUtf8(IOException e) {
    return e instanceof CharConversionException
        || (e.getMessage() != null && e.getMessage().contains("UTF-8"));
  }

  private static String at(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
  }

  /** True when {@code token} opens an array or object, which a text field must not be. */
  static boolean isStructure(JsonToken token) {
    return token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT;
  }
}
