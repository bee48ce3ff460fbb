package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.app.Config;
import org.paperboy.app.Paperboy;
import org.paperboy.cli.Main;
import org.paperboy.store.Database;

/**
 * SIGKILL in the middle of a send run, then run again: every digest arrives, and at most the one
 * that was in flight arrives twice (with the same Message-ID).
 */
class KillTest {
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final int READERS = 30;

  @TempDir Path dir;

  @Test
  void a_run_killed_mid_send_loses_nothing_when_run_again() throws Exception {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "PAPERBOY_SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort(),
                "PAPERBOY_BASE_URL", "https://paperboy.test",
                "PAPERBOY_SECRET", "kill-secret",
                "PAPERBOY_SMTP_RATE", "10", // slow enough to be killed half way
                "PAPERBOY_DIGEST_LEASE_SECONDS", "2",
                "PAPERBOY_EMBEDDINGS", "off"));
    Path data = dir.resolve("data");
    try (Paperboy app = Paperboy.open(Config.from(data, env))) {
      StringBuilder s = new StringBuilder();
      for (String[] p : DigestWorld.mllm(0, 60))
        s.append(p[0]).append('\n').append(p[1]).append("\n\n");
      app.ingest()
          .ingest(
              new java.io.ByteArrayInputStream(
                  s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              "listing.txt",
              org.paperboy.ingest.formats.Format.LISTING);
      for (int i = 0; i < READERS; i++) {
        app.digests()
            .subscribe(
                SubscriptionForm.parse(
                    "r" + i + "@example.org", List.of("multimodal"), false, null, null, 3),
                true);
      }
    }
    String date = LocalDate.now(ZoneOffset.UTC).toString();

    Process child = childRun(data, env, date);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (smtp.getReceivedMessages().length < 8 && System.nanoTime() < deadline && child.isAlive())
      Thread.sleep(20);
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
    child.waitFor();
    int beforeKill = smtp.getReceivedMessages().length;
    awaitLeases(Config.from(data, env)); // the dead sender's lease runs out

    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new String[] {"--data", data.toString(), "digest", "run", "--date", date},
            env,
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));

    assertThat(beforeKill).isBetween(1, READERS - 1);
    assertThat(code).isZero();
    List<String> to = new ArrayList<>();
    Map<String, List<String>> ids = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      String r = m.getAllRecipients()[0].toString();
      to.add(r);
      ids.computeIfAbsent(r, k -> new ArrayList<>()).add(m.getMessageID());
    }
    assertThat(to.stream().distinct().count()).isEqualTo(READERS);
    assertThat(to.size()).isLessThanOrEqualTo(READERS + 1);
    Map<String, List<String>> twice =
        ids.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    twice.values().forEach(v -> assertThat(v).containsOnly(v.get(0)));
  }

  /**
   * Waits until no row is held under a lease any more: the next run then takes over what the killed
   * sender held, which is what this test is about. As long as the lease (2 s), no longer.
   */
  private static void awaitLeases(Config config) throws Exception {
    Instant until;
    try (Database db =
        Database.open(config.store().url(), config.store().user(), config.store().password())) {
      until =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT MAX(claimed_until) FROM digests WHERE status = 'sending'")
                          .mapTo(Instant.class)
                          .findOne()
                          .orElse(null));
    }
    while (until != null && !Instant.now().isAfter(until)) Thread.sleep(20);
  }

  private static Process childRun(Path data, Map<String, String> env, String date)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--data",
            data.toString(),
            "digest",
            "run",
            "--date",
            date);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true).redirectOutput(data.resolveSibling("child.log").toFile());
    return pb.start();
  }
}
