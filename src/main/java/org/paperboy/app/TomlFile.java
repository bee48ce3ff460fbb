package org.paperboy.app;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.BadInputException;

/**
 * A {@code paperboy.toml}, flattened to dotted keys ({@code [digest] retry_seconds = 90} is {@code
 * digest.retry_seconds}) with the line each key is on. Jackson's TOML parser keeps no locations, so
 * the lines come from a scan of the text for table headers and {@code key =} lines.
 */
final class TomlFile {
  private static final TomlMapper TOML = new TomlMapper();

  /** A raw value and the line it was set on. */
  record Entry(String value, int line) {}

  private TomlFile() {}

  /** The entries of {@code file}, in file order; a syntax error names the file and line. */
  static Map<String, Entry> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("the config file " + file + " does not exist");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new BadInputException("cannot read the config file " + file + ": " + e.getMessage());
    }
    JsonNode root;
    try {
      root = TOML.readTree(text);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new BadInputException(
          file + ":" + line + ": not TOML: " + e.getOriginalMessage().strip());
    }
    Map<String, Integer> lines = lines(text);
    Map<String, Entry> out = new LinkedHashMap<>();
    flatten("", root, file, lines, out);
    return out;
  }

  private static void flatten(
      String prefix, JsonNode node, Path file, Map<String, Integer> lines, Map<String, Entry> out) {
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      String key = prefix + f.getKey();
      JsonNode v = f.getValue();
      if (v.isObject()) {
        flatten(key + ".", v, file, lines, out);
      } else if (v.isContainerNode()) {
        throw new BadInputException(
            file + ":" + line(lines, key) + ": " + key + " must be a single value, not a list");
      } else {
        out.put(key, new Entry(v.asText(), line(lines, key)));
      }
    }
  }

  /** The line of {@code key}, or of the nearest table holding it (an inline table, say). */
  private static int line(Map<String, Integer> lines, String key) {
    for (String k = key; ; k = k.substring(0, k.lastIndexOf('.'))) {
      Integer n = lines.get(k);
      if (n != null) return n;
      if (k.indexOf('.') < 0) return 0;
    }
  }

  /** Line numbers of keys and tables, found by a plain scan (comments and headers understood). */
  static Map<String, Integer> lines(String text) {
    Map<String, Integer> lines = new HashMap<>();
    String table = "";
    List<String> all = text.lines().toList();
    for (int i = 0; i < all.size(); i++) {
      String line = all.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (line.startsWith("[")) {
        int end = line.indexOf(']');
        if (end < 0) continue;
        table = name(line.substring(line.startsWith("[[") ? 2 : 1, end));
        lines.putIfAbsent(table, i + 1);
        table = table + ".";
        continue;
      }
      int eq = line.indexOf('=');
      if (eq > 0) lines.putIfAbsent(table + name(line.substring(0, eq)), i + 1);
    }
    return lines;
  }

  /** A dotted key with its parts' quotes and spaces taken off. */
  private static String name(String raw) {
    StringBuilder b = new StringBuilder();
    for (String part : raw.split("\\.")) {
      if (!b.isEmpty()) b.append('.');
      b.append(part.strip().replaceAll("^[\"']|[\"']$", ""));
    }
    return b.toString();
  }
}
