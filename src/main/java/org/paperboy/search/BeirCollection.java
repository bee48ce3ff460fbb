package org.paperboy.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.paperboy.BadInputException;
import org.paperboy.paper.Paper;

/**
 * A collection in BEIR layout: {@code corpus.jsonl} ({@code _id}, {@code title}, {@code text}),
 * {@code queries.jsonl} ({@code _id}, {@code text}) and {@code qrels/test.tsv} (a header, then
 * query-id, corpus-id, score). Only the judged queries are kept; the corpus is streamed.
 */
final class BeirCollection {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path dir;

  /** Query id -> text, for queries with at least one relevant judgment, in qrels order. */
  final Map<String, String> queries;

  /** Query id -> doc id -> grade. */
  final Map<String, Map<String, Integer>> qrels;

  private BeirCollection(
      Path dir, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {
    this.dir = dir;
    this.queries = queries;
    this.qrels = qrels;
  }

  static BeirCollection open(Path dir) {
    return open(dir, "test");
  }

  /** The collection judged by {@code qrels/SPLIT.tsv} (test, train or dev). */
  static BeirCollection open(Path dir, String split) {
    if (!split.matches("[A-Za-z0-9_-]+")) {
      throw new BadInputException("'" + split + "' is not a split name (test, train, dev)");
    }
    for (String f : List.of("corpus.jsonl", "queries.jsonl", "qrels/" + split + ".tsv")) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new BadInputException(dir + " is not a BEIR collection: " + f + " is missing");
      }
    }
    Map<String, Map<String, Integer>> qrels = readQrels(dir.resolve("qrels/" + split + ".tsv"));
    Map<String, String> all = new HashMap<>();
    lines(
        dir.resolve("queries.jsonl"),
        (n, node) -> all.put(text(node, "_id", n), text(node, "text", n)));
    Map<String, String> judged = new LinkedHashMap<>();
    qrels.forEach(
        (q, rels) -> {
          boolean anyRelevant = rels.values().stream().anyMatch(g -> g > 0);
          if (anyRelevant && all.containsKey(q)) judged.put(q, all.get(q));
        });
    return new BeirCollection(dir, judged, qrels);
  }

  /** Streams the corpus as papers (id, title, abstract = text). */
  void forEachDocument(Consumer<Paper> consumer) {
    lines(
        dir.resolve("corpus.jsonl"),
        (n, node) -> {
          JsonNode title = node.get("title");
          consumer.accept(
              Paper.builder()
                  .id(text(node, "_id", n))
                  .title(title == null || title.isNull() ? "" : title.asText())
                  .abstractText(text(node, "text", n))
                  .build());
        });
  }

  private interface LineHandler {
    void accept(String where, JsonNode node);
  }

  private static void lines(Path file, LineHandler handler) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        String where = "line " + n + " of " + file.getFileName();
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new BadInputException(where + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        handler.accept(where, node);
      }
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull())
      throw new BadInputException(where + ": '" + field + "' is missing");
    return v.asText();
  }

  private static Map<String, Map<String, Integer>> readQrels(Path file) {
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty()) continue;
        String[] f = line.split("\\s+");
        if (i == 0 && f.length >= 3 && !f[f.length - 1].matches("-?\\d+")) continue; // header
        if (f.length < 3 || !f[f.length - 1].matches("-?\\d+")) {
          throw new BadInputException(
              "line "
                  + (i + 1)
                  + " of "
                  + file.getFileName()
                  + ": expected query-id, corpus-id, score");
        }
        // BEIR has 3 columns; TREC-style qrels have 4 (query, 0, doc, grade).
        String doc = f[f.length - 2];
        qrels
            .computeIfAbsent(f[0], k -> new HashMap<>())
            .put(doc, Integer.parseInt(f[f.length - 1]));
      }
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return qrels;
  }
}
