package org.paperboy.ingest.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.paperboy.ingest.live.ReplayServer.Reply;

/** The recorded responses under src/test/resources/fixtures. */
final class Fixtures {
  private Fixtures() {}

  static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  /** The recorded arXiv API window for the search "testing" at start/max, or null if none. */
  static byte[] arxivTestingWindow(String start, String max) {
    String prefix = "q_testing_s" + start + "_m" + max + "_";
    try (Stream<Path> files = Files.list(dir("arxiv-api"))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .findFirst()
          .map(p -> bytes("arxiv-api/" + p.getFileName()))
          .orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The replies of a recorded OAI-PMH exchange (paperhive/oai-pmh format), in order. */
  static List<Reply> oaiRecording(String name) {
    try {
      JsonNode exchanges = new ObjectMapper().readTree(bytes("oai-pmh/http-recordings/" + name));
      List<Reply> replies = new ArrayList<>();
      for (JsonNode exchange : exchanges) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode raw = exchange.get("rawHeaders");
        for (int i = 0; i + 1 < raw.size(); i += 2) {
          String header = raw.get(i).asText();
          // The recording holds the decoded body: drop the headers that described the wire form.
          if (!List.of(
                  "Content-Encoding", "Content-Length", "Transfer-Encoding", "Connection", "Date")
              .contains(header)) {
            headers.put(header, raw.get(i + 1).asText());
          }
        }
        byte[] body = exchange.get("response").asText().getBytes(StandardCharsets.UTF_8);
        replies.add(new Reply(exchange.get("status").asInt(), headers, body, false));
      }
      return replies;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path dir(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
