package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.store.Database;

/**
 * Ctrl-C in the middle of a long ingest: a real second JVM is stopped with SIGTERM (what the JVM
 * does on SIGINT too: run the shutdown hooks, then halt) while it writes; the store must open
 * cleanly afterwards and a re-run must find the stored batches unchanged and add the rest.
 */
class InterruptedIngestTest {
  @TempDir Path dir;

  @Test
  void an_interrupted_ingest_leaves_a_consistent_store_and_a_rerun_completes_it() throws Exception {
    int records = 20_000;
    Path file = InterruptedIngestTestFiles.distinctPapers(dir.resolve("big.jsonl"), records);
    Path data = dir.resolve("data");

    Process child = startIngest(data, file);
    waitUntilSomeBatchesAreStored(data);
    child.destroy(); // SIGTERM
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"--data", data.toString(), "ingest", file.toString()},
            CliTest.LEXICAL,
            new PrintWriter(out),
            new PrintWriter(err));

    assertThat(code).as(err.toString()).isZero();
    Matcher m =
        Pattern.compile("added (\\d+), updated (\\d+), unchanged (\\d+), rejected (\\d+)")
            .matcher(out.toString());
    assertThat(m.find()).as(out.toString()).isTrue();
    long added = Long.parseLong(m.group(1));
    long unchanged = Long.parseLong(m.group(3));
    assertThat(unchanged).as("papers stored before the interrupt").isPositive();
    assertThat(added).as("papers the interrupted run never stored").isPositive();
    assertThat(added + unchanged).isEqualTo(records);
    assertThat(Long.parseLong(m.group(2))).isZero();
  }

  private static Process startIngest(Path data, Path file) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path")));
    cmd.addAll(List.of(Main.class.getName(), "--data", data.toString(), "ingest", file.toString()));
    ProcessBuilder child = new ProcessBuilder(cmd);
    child.environment().put("PAPERBOY_EMBEDDINGS", "off");
    return child
        .redirectErrorStream(true)
        .redirectOutput(data.resolveSibling("child.log").toFile())
        .start();
  }

  /**
   * Waits until the store holds committed papers. The file's size alone no longer says so: with
   * WRITE_DELAY=0 H2 writes a batch's pages before its commit, so the file grows first.
   */
  private static void waitUntilSomeBatchesAreStored(Path data)
      throws InterruptedException, IOException {
    Path db = data.resolve("paperboy.mv.db");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.exists(db) && Files.size(db) > 2_000_000 && storedPapers(data) > 0) return;
      Thread.sleep(100);
    }
    throw new AssertionError("the child ingest stored nothing within 120 s");
  }

  private static long storedPapers(Path data) {
    try (Database db = Database.open(Database.h2Url(data), null, null)) {
      return db.jdbi()
          .withHandle(h -> h.select("SELECT count(*) FROM papers").mapTo(Long.class).one());
    }
  }
}
