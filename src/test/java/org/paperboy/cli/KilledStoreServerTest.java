package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.store.Database;
import org.paperboy.store.StoreHolder;
import org.paperboy.testing.Await;

/**
 * Defect 2 of issue 12: an ingest beside the process that holds the H2 file is its client; when
 * that process is killed (-9) the ingest's H2 client reconnects and carries on, and the last half
 * second of commits the dead process had acknowledged was gone (WRITE_DELAY 500 ms). Each round
 * kills the holder at a random moment; whatever the ingest then does, what it reported is in the
 * store: on success its "added" count is exactly what the store holds; on failure it says so in one
 * line with a non-zero exit, and a re-run completes the store. {@code -Dpaperboy.killRounds=10}
 * runs more rounds (docs/benchmarks.md).
 */
class KilledStoreServerTest {
  private static final int RECORDS = 12_000;
  @TempDir Path dir;

  @Test
  void what_an_ingest_reports_is_in_the_store_after_its_server_is_killed() throws Exception {
    Path file = InterruptedIngestTestFiles.distinctPapers(dir.resolve("big.jsonl"), RECORDS);
    Random random = new Random();
    int rounds = Integer.getInteger("paperboy.killRounds", 3);
    for (int round = 0; round < rounds; round++) {
      Path data = dir.resolve("data-" + round);
      Process holder = startHolder(data);
      try {
        CompletableFuture<String[]> ingest =
            CompletableFuture.supplyAsync(() -> ingest(data, file));
        // A random moment while the ingest writes: somewhere in its first few hundred batches.
        long grownTo = 1_000_000 + random.nextInt(4_000_000);
        Await.until(
            Duration.ofSeconds(120),
            () -> size(data) > grownTo || ingest.isDone(),
            "the ingest grows the store or ends");
        holder.destroyForcibly(); // SIGKILL: no shutdown hook, no final write
        String[] result = ingest.get(120, TimeUnit.SECONDS);
        int code = Integer.parseInt(result[0]);
        long stored = count(data);
        System.out.printf(
            "round %d: exit %s, %s %s, store holds %d%n",
            round, result[0], result[1].strip(), result[2].strip(), stored);
        if (code == 0) {
          assertThat(stored).as("round %d: %s", round, result[1]).isEqualTo(added(result[1]));
        } else {
          assertThat(result[2].strip()).as("round %d: one line", round).doesNotContain("\n");
          String[] rerun = ingest(data, file);
          assertThat(rerun[0]).as(rerun[2]).isEqualTo("0");
          assertThat(unchanged(rerun[1])).as("round %d: kept", round).isEqualTo(stored);
          assertThat(count(data)).isEqualTo(RECORDS);
        }
      } finally {
        holder.destroyForcibly().waitFor();
      }
    }
  }

  @Test
  void a_commit_acknowledged_by_the_process_holding_the_file_survives_its_kill() throws Exception {
    for (int round = 0; round < 3; round++) {
      Path data = dir.resolve("small-" + round);
      Process holder = startHolder(data);
      try (Database client = Database.open(Database.h2Url(data), null, null)) {
        client.jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS acked(n INT)"));
        // One small commit: too little for H2 to write it early for its size, so only
        // WRITE_DELAY=0 puts it on disk before the acknowledgment comes back.
        client.jdbi().useHandle(h -> h.execute("INSERT INTO acked VALUES (1)"));
        holder.destroyForcibly();
        holder.waitFor();
      } finally {
        holder.destroyForcibly().waitFor();
      }
      try (Database db = Database.open(Database.h2Url(data), null, null)) {
        long rows =
            db.jdbi()
                .withHandle(h -> h.select("SELECT count(*) FROM acked").mapTo(Long.class).one());
        assertThat(rows).as("round %d", round).isEqualTo(1);
      }
    }
  }

  private static String[] ingest(Path data, Path file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"--data", data.toString(), "ingest", "--no-embed", file.toString()},
            CliTest.LEXICAL,
            new PrintWriter(out),
            new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  private static long added(String out) {
    return group(out, 1);
  }

  private static long unchanged(String out) {
    return group(out, 3);
  }

  private static long group(String out, int group) {
    Matcher m =
        Pattern.compile("added (\\d+), updated (\\d+), unchanged (\\d+), rejected (\\d+)")
            .matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Long.parseLong(m.group(group));
  }

  private static long count(Path data) {
    try (Database db = Database.open(Database.h2Url(data), null, null)) {
      return db.jdbi()
          .withHandle(h -> h.select("SELECT count(*) FROM papers").mapTo(Long.class).one());
    }
  }

  private static long size(Path data) {
    try {
      Path db = data.resolve("paperboy.mv.db");
      return Files.exists(db) ? Files.size(db) : 0;
    } catch (IOException e) {
      return 0; // between H2's writes; the next poll sees it
    }
  }

  private static Process startHolder(Path data) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    StoreHolder.class.getName(),
                    data.toString()))
            .redirectErrorStream(true)
            .start();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      if (line.equals("ready")) return p;
    }
    throw new AssertionError("the store holder ended before it was ready");
  }
}
