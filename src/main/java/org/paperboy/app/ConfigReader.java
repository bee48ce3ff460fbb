package org.paperboy.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.paperboy.BadInputException;

/**
 * Finds each setting's raw value where it wins (flag, then environment, then config file, then
 * default) and turns it into the type it has, with errors that name where the bad value was: the
 * flag, the variable, or the file and line.
 */
final class ConfigReader {
  static final String FILE_NAME = "paperboy.toml";

  /** A raw value and where it came from: {@code origin} for people, {@code label} for errors. */
  record Value(String raw, String origin, String label) {}

  private final Map<Setting, Value> values = new EnumMap<>(Setting.class);

  ConfigReader(Map<String, String> env, Path configFile, Map<Setting, String> flags) {
    Path file = configFile;
    Map<String, TomlFile.Entry> entries = file == null ? Map.of() : TomlFile.read(file);
    if (file == null) {
      // Without --config, the data dir may hold the file; it cannot move the data dir itself.
      String dataDir = pick(Setting.DATA_DIR, env, flags, null, Map.of()).raw();
      Path inData = Path.of(dataDir).resolve(FILE_NAME);
      if (Files.isRegularFile(inData)) {
        file = inData;
        entries = TomlFile.read(file);
        TomlFile.Entry dir = entries.get(Setting.DATA_DIR.key());
        if (dir != null) {
          throw new BadInputException(
              file
                  + ":"
                  + dir.line()
                  + ": data_dir cannot be set in the data dir's own "
                  + FILE_NAME
                  + "; use --config FILE, --data or PAPERBOY_DATA");
        }
      }
    }
    for (Setting s : Setting.values()) {
      if (s.read()) values.put(s, pick(s, env, flags, file, entries));
    }
    rejectUnknown(file, entries);
  }

  private static Value pick(
      Setting s,
      Map<String, String> env,
      Map<Setting, String> flags,
      Path file,
      Map<String, TomlFile.Entry> entries) {
    String flag = flags.get(s);
    if (flag != null) return new Value(flag, "flag " + s.flag(), s.flag());
    String var = env.get(s.env());
    // An empty variable counts as unset, for every setting alike.
    if (var != null && !var.isBlank()) return new Value(var.strip(), "env " + s.env(), s.env());
    TomlFile.Entry e = entries.get(s.key());
    if (e != null) {
      String where = file + ":" + e.line();
      return new Value(e.value().strip(), where, where + ": " + s.key());
    }
    return new Value(s.defaultValue(), "default", s.key());
  }

  private static void rejectUnknown(Path file, Map<String, TomlFile.Entry> entries) {
    Set<String> known = new HashSet<>();
    for (Setting s : Setting.values()) if (s.read()) known.add(s.key());
    for (Map.Entry<String, TomlFile.Entry> e : entries.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new BadInputException(
            file
                + ":"
                + e.getValue().line()
                + ": unknown setting '"
                + e.getKey()
                + "' (docs/configuration.md lists them all)");
      }
    }
  }

  Value value(Setting s) {
    return values.get(s);
  }

  /** The text, or null when unset. */
  String text(Setting s) {
    String raw = values.get(s).raw();
    return raw == null || raw.isBlank() ? null : raw;
  }

  Path path(Setting s) {
    String t = text(s);
    return t == null ? null : Path.of(t);
  }

  boolean onOff(Setting s) {
    String t = text(s);
    if (t == null) return true;
    return switch (t.toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default -> throw bad(s, "must be on or off");
    };
  }

  /** A whole number of at least {@code min} (0 or 1). */
  int whole(Setting s, int min) {
    String t = text(s);
    try {
      int n = Integer.parseInt(t);
      if (n < min) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw bad(s, min > 0 ? "must be a positive whole number" : "must be a whole number");
    }
  }

  int port(Setting s) {
    try {
      int n = Integer.parseInt(text(s));
      if (n < 0 || n > 65535) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw bad(s, "must be a port number (0 to 65535)");
    }
  }

  double number(Setting s) {
    try {
      double d = Double.parseDouble(text(s));
      if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
      return d;
    } catch (NumberFormatException e) {
      throw bad(s, "must be a number");
    }
  }

  /** An http(s) URL, or null when unset. */
  URI url(Setting s) {
    String t = text(s);
    if (t == null) return null;
    try {
      URI uri = new URI(t);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw bad(s, "must be an http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new BadInputException(label(s) + " is not a valid URL: '" + t + "'", e);
    }
  }

  String label(Setting s) {
    return values.get(s).label();
  }

  BadInputException bad(Setting s, String problem) {
    return new BadInputException(label(s) + " " + problem + ", was '" + values.get(s).raw() + "'");
  }
}
