package org.paperboy.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.paper.Paper;

/** Real fixtures for search tests, loaded without the ingest parsers. */
final class TestCorpus {
  private TestCorpus() {}

  /** The 203 papers of the MLLM search listing: 2 banner lines, then title and abstract lines. */
  static List<Paper> mllmListing() {
    try (InputStream in =
        TestCorpus.class.getResourceAsStream("/fixtures/listing/mllm-search-listing.txt")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      List<Paper> papers = new ArrayList<>();
      for (int i = 2; i + 1 < lines.size(); i += 2) {
        // the capture glued the page's "Subscribe" button onto the first title
        String title = lines.get(i).replaceFirst("^Subscribe", "").strip();
        papers.add(Paper.builder().title(title).abstractText(lines.get(i + 1).strip()).build());
      }
      return papers;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path beirMini() {
    return Path.of("src/test/resources/fixtures/beir-mini");
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
