package org.paperboy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Kaggle-format (arxiv-metadata-oai-snapshot) JSON-lines file of any size from the 200
 * real records in the test fixtures: each output line is a real record with a fresh, unique arXiv
 * id (and a numbered title, so the title-key de-duplication cannot collapse copies).
 *
 * <pre>bench/run KaggleGenerator --records 200000 --out target/bench/kaggle-200k.jsonl</pre>
 */
public final class KaggleGenerator {
  static final String SAMPLE = "/fixtures/kaggle/arxiv-metadata-oai-snapshot.head200.jsonl";

  public static void main(String[] args) throws IOException {
    long records = Long.parseLong(arg(args, "--records", "200000"));
    Path out = Path.of(arg(args, "--out", "target/bench/kaggle-" + records + ".jsonl"));
    generate(records, out);
    System.out.printf("wrote %,d records to %s (%,d bytes)%n", records, out, Files.size(out));
  }

  static void generate(long records, Path out) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<ObjectNode> sample = new ArrayList<>();
    try (InputStream in = KaggleGenerator.class.getResourceAsStream(SAMPLE);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) sample.add((ObjectNode) mapper.readTree(line));
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (long i = 0; i < records; i++) {
        ObjectNode rec = sample.get((int) (i % sample.size())).deepCopy();
        rec.put("id", id(i));
        rec.put("title", title(rec.get("title").asText(), i));
        w.write(mapper.writeValueAsString(rec));
        w.newLine();
      }
    }
  }

  /** The i-th fresh new-style id: yymm from 2101 on, 5-digit sequence numbers. */
  static String id(long i) {
    long month = i / 99_999;
    return String.format("%02d%02d.%05d", 21 + month / 12, 1 + month % 12, 1 + i % 99_999);
  }

  /**
   * The i-th copy's title, numbered so that the title-key de-duplication cannot collapse copies.
   */
  static String title(String title, long i) {
    return title + " (copy " + i + ")";
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) return args[i + 1];
    }
    return fallback;
  }
}
