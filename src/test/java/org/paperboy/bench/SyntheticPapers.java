package org.paperboy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.paperboy.paper.Paper;

/**
 * Papers for the search benchmarks, built from real abstracts (a BEIR corpus such as SciFact): copy
 * 0 of each document is the real one; copy k rotates its sentences by k and borrows one sentence
 * from another document, so terms keep real statistics but no two abstracts are equal. Dates spread
 * over 2015-2025 and categories over 20 arXiv categories, both seeded.
 */
final class SyntheticPapers {
  static final String[] CATEGORIES = {
    "cs.CL",
    "cs.CV",
    "cs.LG",
    "cs.AI",
    "cs.IR",
    "stat.ML",
    "q-bio.GN",
    "q-bio.NC",
    "q-bio.QM",
    "physics.med-ph",
    "eess.IV",
    "eess.AS",
    "cs.NE",
    "cs.RO",
    "math.ST",
    "q-bio.BM",
    "cs.HC",
    "cs.CY",
    "q-bio.PE",
    "cs.DB"
  };

  record Base(String id, String title, String text) {}

  final List<Base> bases;
  final List<String> queries;

  private SyntheticPapers(List<Base> bases, List<String> queries) {
    this.bases = bases;
    this.queries = queries;
  }

  static SyntheticPapers load(Path beirDir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Base> bases = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(beirDir.resolve("corpus.jsonl"))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode n = json.readTree(line);
        bases.add(
            new Base(n.get("_id").asText(), n.path("title").asText(""), n.get("text").asText()));
      }
    }
    List<String> queries = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(beirDir.resolve("queries.jsonl"))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) queries.add(json.readTree(line).get("text").asText());
      }
    }
    return new SyntheticPapers(bases, queries);
  }

  int baseOf(int i) {
    return i % bases.size();
  }

  /** Paper {@code i} of the synthetic corpus (deterministic). */
  Paper paper(int i) {
    Base b = bases.get(baseOf(i));
    int copy = i / bases.size();
    Random rnd = new Random(i);
    String title = b.title();
    String text = b.text();
    if (copy > 0) {
      String[] sentences = text.split("(?<=\\.)\\s+");
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < sentences.length; s++)
        sb.append(sentences[(s + copy) % sentences.length]).append(' ');
      String[] other = bases.get(rnd.nextInt(bases.size())).text().split("(?<=\\.)\\s+");
      sb.append(other[rnd.nextInt(other.length)]);
      text = sb.toString().strip();
      title = title + " (part " + copy + ")";
    }
    LocalDate day = LocalDate.of(2015, 1, 1).plusDays(rnd.nextInt(11 * 365));
    return Paper.builder()
        .id(String.format("%04d.%05d", 1501 + i / 100_000, i % 100_000))
        .title(title.isBlank() ? "Untitled " + i : title)
        .abstractText(text)
        .addCategory(CATEGORIES[rnd.nextInt(CATEGORIES.length)])
        .addCategory(CATEGORIES[rnd.nextInt(CATEGORIES.length)])
        .addAuthor("Author " + rnd.nextInt(5000))
        .published(day)
        .build();
  }
}
