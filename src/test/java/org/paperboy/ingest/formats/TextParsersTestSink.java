package org.paperboy.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.ingest.RecordSink;
import org.paperboy.paper.Paper;

/** Collects what a parser hands over, for the tests of the text-format parsers. */
final class TextParsersTestSink implements RecordSink {
  record Accepted(Paper paper, long line) {}

  record Rejected(long line, String reason) {}

  final List<Accepted> accepted = new ArrayList<>();
  final List<Rejected> rejected = new ArrayList<>();

  @Override
  public void accept(Paper.Builder paper, long line) {
    accepted.add(new Accepted(paper.build(), line));
  }

  @Override
  public void reject(long line, String reason) {
    rejected.add(new Rejected(line, reason));
  }

  List<Paper> papers() {
    return accepted.stream().map(Accepted::paper).toList();
  }

  Paper paper(String id) {
    List<Paper> found = papers().stream().filter(p -> p.id().equals(id)).toList();
    assertThat(found).as("papers with id %s", id).hasSize(1);
    return found.get(0);
  }

  static TextParsersTestSink parse(FeedParser parser, String fixture) {
    try (InputStream in = TextParsersTestSink.class.getResourceAsStream("/fixtures/" + fixture)) {
      assertThat(in).as("fixture %s", fixture).isNotNull();
      return parse(parser, in, fixture);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TextParsersTestSink parse(FeedParser parser, byte[] content) {
    return parse(parser, new ByteArrayInputStream(content), "test input");
  }

  /** Parses into a caller's handler of accepted builders; rejects fail the test. */
  static void parse(
      FeedParser parser,
      byte[] content,
      java.util.function.ObjLongConsumer<Paper.Builder> accepted) {
    try {
      parser.parse(
          new ByteArrayInputStream(content),
          "test input",
          new RecordSink() {
            @Override
            public void accept(Paper.Builder paper, long line) {
              accepted.accept(paper, line);
            }

            @Override
            public void reject(long line, String reason) {
              throw new AssertionError("line " + line + " rejected: " + reason);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TextParsersTestSink parse(FeedParser parser, InputStream in, String name) {
    TextParsersTestSink sink = new TextParsersTestSink();
    try {
      parser.parse(in, name, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink;
  }

  static byte[] fixtureBytes(String fixture) {
    try (InputStream in = TextParsersTestSink.class.getResourceAsStream("/fixtures/" + fixture)) {
      assertThat(in).as("fixture %s", fixture).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
