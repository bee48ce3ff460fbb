package org.paperboy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Kaggle files of many distinct papers, made from the fixture, for tests that interrupt ingests.
 */
final class InterruptedIngestTestFiles {
  private InterruptedIngestTestFiles() {}

  static Path distinctPapers(Path file, int records) throws IOException {
    List<String> sample =
        Files.readAllLines(CliTest.fixture(CliTest.KAGGLE), StandardCharsets.UTF_8);
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < records; i++) {
        String line = sample.get(i % sample.size());
        // A fresh id per line, and a distinct title so no two lines are one paper.
        line = line.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"2301.%05d\"".formatted(i));
        line = line.replaceFirst("\"title\":\"", "\"title\":\"Copy " + i + " of ");
        w.write(line);
        w.newLine();
      }
    }
    return file;
  }
}
