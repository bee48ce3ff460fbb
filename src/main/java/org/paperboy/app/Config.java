package org.paperboy.app;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import org.paperboy.BadInputException;
import org.paperboy.store.Database;

/**
 * Everything paperboy is told from outside: the data dir, the database and the environment (for the
 * settings a feature reads itself, such as live-source URLs). Flags win over environment variables,
 * which win over defaults.
 */
public record Config(
    Path dataDir, String dbUrl, String dbUser, String dbPassword, Map<String, String> env) {

  public static final String DEFAULT_DATA_DIR = "data";

  public Config {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(dbUrl, "dbUrl");
    env = Map.copyOf(env);
  }

  /** The configuration for {@code dataDir} (null: $PAPERBOY_DATA or ./data) and {@code env}. */
  public static Config from(Path dataDir, Map<String, String> env) {
    Path dir =
        dataDir != null ? dataDir : Path.of(env.getOrDefault("PAPERBOY_DATA", DEFAULT_DATA_DIR));
    String url = env.get("PAPERBOY_DB_URL");
    if (url != null && !url.startsWith("jdbc:")) {
      throw new BadInputException(
          "PAPERBOY_DB_URL must be a JDBC URL (jdbc:...), was '" + url + "'");
    }
    return new Config(
        dir,
        url != null && !url.isBlank() ? url : Database.h2Url(dir),
        env.get("PAPERBOY_DB_USER"),
        env.get("PAPERBOY_DB_PASSWORD"),
        env);
  }

  /** An integer setting from the environment, or {@code fallback}; junk is a clear error. */
  public int envInt(String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) return fallback;
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new BadInputException(name + " must be a whole number, was '" + v + "'");
    }
  }
}
