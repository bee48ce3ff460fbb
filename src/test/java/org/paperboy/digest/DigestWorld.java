package org.paperboy.digest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.app.Config;
import org.paperboy.app.Paperboy;
import org.paperboy.ingest.IngestService;
import org.paperboy.ingest.formats.Format;
import org.paperboy.mail.Mailer;
import org.paperboy.mail.SmtpMailer;
import org.paperboy.mail.SmtpUrl;
import org.paperboy.testing.MovableClock;
import org.paperboy.testing.TestThreads;

/**
 * The real app over a temp data dir, with the clock of ingest and of the digest in the test's
 * hands: papers are "first seen" when the test says, and runs happen when the test says.
 */
final class DigestWorld implements AutoCloseable {
  static final String BASE = "https://paperboy.test";

  final Path dir;
  final Paperboy app;
  final MovableClock clock;
  final IngestService ingest;
  private final List<AutoCloseable> opened = new ArrayList<>();

  DigestWorld(Path dir, Instant start, Map<String, String> env) {
    this.dir = dir;
    Map<String, String> all =
        new HashMap<>(
            Map.of(
                "PAPERBOY_BASE_URL",
                BASE,
                "PAPERBOY_SECRET",
                "test-secret",
                "PAPERBOY_EMBEDDINGS",
                "off"));
    all.putAll(env);
    this.clock = new MovableClock(start);
    this.app = Paperboy.open(Config.from(dir, all), clock);
    this.ingest = app.ingest();
  }

  /**
   * A digest service on this world's clock, sending through {@code mailer}, built as the app builds
   * its own: the same arguments (the embedder is off, as PAPERBOY_EMBEDDINGS=off makes it in
   * production), the journal in the data dir, threads of its own.
   */
  DigestService digests(Mailer mailer, DigestSettings settings) {
    TestThreads t = new TestThreads();
    opened.add(t);
    threads.add(t);
    DigestService d =
        new DigestService(
            app.database().jdbi(),
            app.state(),
            "test-secret",
            app.papers(),
            app.search(),
            app.trending(),
            null,
            app.accounts(),
            app.votes(),
            app.saved(),
            mailer,
            settings.withBaseUrl(BASE),
            clock,
            dir,
            t.digestScheduler(),
            t.digestPlanning());
    opened.add(d);
    return d;
  }

  /** The threads of the services made with {@link #digests}, in order. */
  final List<TestThreads> threads = new ArrayList<>();

  DigestService digests(Mailer mailer) {
    return digests(mailer, DigestSettings.DEFAULTS);
  }

  SmtpMailer smtp(int port) {
    SmtpMailer m =
        new SmtpMailer(
            SmtpUrl.parse("smtp://127.0.0.1:" + port),
            "paperboy <digest@paperboy.test>",
            Duration.ofSeconds(2),
            0);
    opened.add(m);
    return m;
  }

  /** Ingests papers given as title and abstract (a plain listing), first seen now. */
  void papers(List<String[]> titleAndAbstract) {
    StringBuilder s = new StringBuilder();
    for (String[] p : titleAndAbstract)
      s.append(p[0]).append('\n').append(pad(p[1])).append("\n\n");
    ingest.ingest(
        new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8)),
        "test-listing.txt",
        Format.LISTING);
  }

  /**
   * Papers {@code from} (inclusive) to {@code to} of the real MLLM listing fixture, as title and
   * abstract.
   */
  static List<String[]> mllm(int from, int to) {
    try (InputStream in =
        DigestWorld.class.getResourceAsStream("/fixtures/listing/mllm-search-listing.txt")) {
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank())
              .toList();
      List<String[]> out = new ArrayList<>();
      for (int i = 2; i + 1 < lines.size(); i += 2) {
        out.add(
            new String[] {
              lines.get(i).replaceFirst("^Subscribe", "").strip(), lines.get(i + 1).strip()
            });
      }
      return out.subList(from, Math.min(to, out.size()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Listing abstracts must be long; short test abstracts are padded with neutral words. */
  private static String pad(String a) {
    StringBuilder b = new StringBuilder(a);
    while (b.length() < 220) b.append(" Further details follow in the body of the text.");
    return b.toString();
  }

  @Override
  public void close() {
    try {
      for (int i = opened.size() - 1; i >= 0; i--) opened.get(i).close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the test world failed", e);
    } finally {
      app.close();
    }
  }
}
