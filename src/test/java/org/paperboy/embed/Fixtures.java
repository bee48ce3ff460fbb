package org.paperboy.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real paper texts ("title. abstract") from the test fixtures: the Kaggle arXiv snapshot head and
 * the Hugging Face listing. Public so that the benchmark can use the same texts.
 */
public final class Fixtures {
  private static final Path ROOT = Path.of("src/test/resources/fixtures");

  private Fixtures() {}

  public static List<String> paperTexts() {
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (String line :
          Files.readAllLines(ROOT.resolve("kaggle/arxiv-metadata-oai-snapshot.head200.jsonl"))) {
        JsonNode paper = json.readTree(line);
        texts.add(
            BgeSmallEmbedder.paperText(
                paper.path("title").asText().replaceAll("\\s+", " "),
                paper.path("abstract").asText().replaceAll("\\s+", " ")));
      }
      // A title line followed by its abstract line, after a few lines of page header.
      List<String> listing =
          Files.readAllLines(
              ROOT.resolve("listing/mllm-search-listing.txt"), StandardCharsets.UTF_8);
      for (int i = 0; i + 1 < listing.size(); i++) {
        String title = listing.get(i);
        String abstractText = listing.get(i + 1);
        if (abstractText.length() > 300 && title.length() < 300) {
          texts.add(BgeSmallEmbedder.paperText(title.replaceFirst("^Subscribe", ""), abstractText));
          i++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }
}
