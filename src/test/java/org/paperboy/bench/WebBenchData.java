package org.paperboy.bench;

import java.nio.file.Path;
import org.paperboy.app.JvmSettings;
import org.paperboy.store.Database;

/**
 * Gives a store built from {@link KaggleGenerator} copies a realistic calendar for the web
 * benchmark: the copies share a handful of 2007 dates (54,000 papers on one day), so it spreads
 * them over 200 days ending 2026-06-12 (500 a day), and gives 3% Hugging Face upvotes and 2% GitHub
 * stars, as the daily papers feeds do. H2 only.
 *
 * <pre>bench/run WebBenchData --data /tmp/pb100k</pre>
 */
public final class WebBenchData {
  private WebBenchData() {}

  public static void main(String[] args) {
    JvmSettings.apply(); // as Main.main does: the benchmark measures the app's settings
    Path dir = Path.of(KaggleGenerator.arg(args, "--data", "data"));
    try (Database db = Database.open(Database.h2Url(dir), null, null)) {
      int n =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createUpdate(
                              "UPDATE papers SET published = DATEADD(DAY, -MOD(CAST(SUBSTRING(id,"
                                  + " 6) AS INT), 200), DATE '2026-06-12'), hf_upvotes = CASE WHEN"
                                  + " MOD(CAST(SUBSTRING(id, 6) AS INT), 33) = 0   THEN"
                                  + " MOD(CAST(SUBSTRING(id, 6) AS INT), 97) ELSE NULL END,"
                                  + " github_stars = CASE WHEN MOD(CAST(SUBSTRING(id, 6) AS INT),"
                                  + " 50) = 0   THEN MOD(CAST(SUBSTRING(id, 6) AS INT), 4999) ELSE"
                                  + " NULL END WHERE id LIKE '____.%'")
                          .execute());
      System.out.printf("spread %,d papers over 200 days%n", n);
    }
  }
}
