package org.paperboy.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.paperboy.app.Config;
import org.paperboy.app.Paperboy;
import org.paperboy.digest.RunReport;
import org.paperboy.ingest.Format;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;

/**
 * The daily digest at scale: N confirmed subscribers (1-3 alerts each from a pool of realistic
 * queries, 5-20 upvotes each) and P new papers. Measures a dry run (plan and render every digest,
 * write nothing) and a real run (plan, queue in the SQL outbox, send over one SMTP connection to
 * GreenMail on localhost). Baselines from the same run: the unique alerts searched once each (the
 * search work no planner can avoid) and bare Jakarta Mail sending the same number of messages over
 * one connection to the same server (the SMTP work no outbox can avoid).
 *
 * <pre>bench/run DigestBenchmark --subscribers 10000 --papers 1000</pre>
 */
public final class DigestBenchmark {
  private static final String[][] TOPICS = {
    {"visual", "token", "reduction", "pruning", "multimodal", "efficient", "inference", "vision", "language", "model"},
    {"retrieval", "augmented", "generation", "dense", "passage", "reranking", "question", "answering", "corpus", "index"},
    {"reinforcement", "learning", "policy", "reward", "agent", "exploration", "offline", "value", "actor", "critic"},
    {"diffusion", "image", "generation", "denoising", "sampling", "latent", "guidance", "text", "video", "editing"},
    {"graph", "neural", "network", "message", "passing", "node", "molecule", "link", "prediction", "spectral"},
    {"speech", "recognition", "audio", "acoustic", "speaker", "low", "resource", "self", "supervised", "transcription"},
    {"quantum", "circuit", "qubit", "error", "correction", "variational", "hamiltonian", "simulation", "noise", "gate"},
    {"protein", "structure", "folding", "sequence", "design", "binding", "enzyme", "molecular", "dynamics", "docking"},
    {"code", "generation", "program", "synthesis", "repair", "software", "agents", "benchmark", "test", "compiler"},
    {"robot", "manipulation", "grasping", "locomotion", "control", "sim", "real", "transfer", "tactile", "planning"},
  };

  public static void main(String[] args) throws Exception {
    int subscribers = Integer.parseInt(KaggleGenerator.arg(args, "--subscribers", "10000"));
    int paperCount = Integer.parseInt(KaggleGenerator.arg(args, "--papers", "1000"));
    Random rnd = new Random(42);
    Path data = Files.createTempDirectory("paperboy-bench-digest");
    GreenMail sink = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    sink.start();
    Map<String, String> env = Map.of(
        "PAPERBOY_SMTP_URL", "smtp://127.0.0.1:" + sink.getSmtp().getPort(),
        "PAPERBOY_BASE_URL", "https://paperboy.example", "PAPERBOY_SECRET", "bench",
        // Lexical alerts: embedding the papers would measure the embedder, which has its own benchmark.
        "PAPERBOY_EMBEDDINGS", System.getenv().getOrDefault("PAPERBOY_EMBEDDINGS", "off"));
    try (Paperboy app = Paperboy.open(Config.from(data, env))) {
      long t0 = System.nanoTime();
      // Yesterday's papers, which readers upvoted, then today's new ones.
      ingest(app, papers(rnd, 500, "old"));
      List<String> old = app.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM papers").mapTo(String.class).list());
      Thread.sleep(5);
      Instant cutoff = Instant.now();
      Thread.sleep(5);
      ingest(app, papers(rnd, paperCount, "new"));
      List<String> pool = alertPool(rnd);
      seed(app, subscribers, pool, old, cutoff, rnd);
      System.out.printf("setup: %,d subscribers, %,d new papers, %d distinct alerts in %.1f s%n",
          subscribers, paperCount, pool.size(), (System.nanoTime() - t0) / 1e9);
      LocalDate today = LocalDate.now(ZoneOffset.UTC);

      long b0 = System.nanoTime();
      for (String q : pool) app.search().search(new SearchRequest(q, SearchMode.HYBRID, 300, null, null, List.of()));
      double searchBaseline = (System.nanoTime() - b0) / 1e9;

      long d0 = System.nanoTime();
      RunReport dry = app.digests().run(today, true);
      double drySeconds = (System.nanoTime() - d0) / 1e9;
      long heapAfterDry = usedHeap();

      long r0 = System.nanoTime();
      RunReport real = app.digests().run(today, false);
      double realSeconds = (System.nanoTime() - r0) / 1e9;

      int sent = real.sent();
      long s0 = System.nanoTime();
      bareSend(app, sink.getSmtp().getPort());
      double bareSeconds = (System.nanoTime() - s0) / 1e9;

      System.out.printf("dry run (plan + render): %s in %.1f s = %,.0f digests/s, heap used after %,d MB%n",
          dry.summary(), drySeconds, dry.planned() / drySeconds, heapAfterDry >> 20);
      System.out.printf("baseline: the %d distinct alerts searched once each: %.1f s; ratio dry run/baseline %.1f%n",
          pool.size(), searchBaseline, drySeconds / searchBaseline);
      System.out.printf("real run (plan + queue + send): %s in %.1f s = %,.0f digests/s end to end%n",
          real.summary(), realSeconds, sent / realSeconds);
      System.out.printf("baseline: bare Jakarta Mail, the same %,d rendered digests over one connection: %.1f s = %,.0f/s; ratio %.2f%n",
          sent, bareSeconds, sent / bareSeconds, (sent / realSeconds) / (sent / bareSeconds));
      System.out.printf("peak RSS %s, max heap %,d MB%n", vmHwm(), Runtime.getRuntime().maxMemory() >> 20);
    } finally {
      sink.stop();
    }
  }

  static List<String[]> papers(Random rnd, int n, String tag) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String[] t = TOPICS[rnd.nextInt(TOPICS.length)];
      String title = words(rnd, t, 6) + " " + tag + " " + i;
      out.add(new String[] {title, words(rnd, t, 40) + " " + words(rnd, TOPICS[rnd.nextInt(TOPICS.length)], 15) + "."});
    }
    return out;
  }

  static String words(Random rnd, String[] vocab, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append(i == 0 ? "" : " ").append(vocab[rnd.nextInt(vocab.length)]);
    return b.toString();
  }

  static void ingest(Paperboy app, List<String[]> papers) {
    StringBuilder s = new StringBuilder();
    for (String[] p : papers) s.append(p[0]).append('\n').append(p[1]).append("\n\n");
    app.ingest().ingest(new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8)), "bench.txt", Format.LISTING);
  }

  /** 200 alerts: two or three words of one topic, as people write them. */
  static List<String> alertPool(Random rnd) {
    LinkedHashSet<String> pool = new LinkedHashSet<>();
    while (pool.size() < 200) {
      String[] t = TOPICS[rnd.nextInt(TOPICS.length)];
      pool.add(t[rnd.nextInt(t.length)] + " " + t[rnd.nextInt(t.length)] + (rnd.nextBoolean() ? " " + t[rnd.nextInt(t.length)] : ""));
    }
    return new ArrayList<>(pool);
  }

  /** Subscribers, their accounts and upvotes, straight in SQL: the subscribe path is not what is measured. */
  static void seed(Paperboy app, int n, List<String> pool, List<String> old, Instant cutoff, Random rnd) {
    app.database().jdbi().useTransaction(h -> {
      var subs = h.prepareBatch("INSERT INTO subscriptions (email, alerts, trending, send_time, zone, max_papers, status,"
          + " papers_since, hard_failures, created_at, confirmed_at) VALUES (:e, :a, TRUE, '07:00', 'UTC', 20, 'active', :since, 0, :since, :since)");
      var accounts = h.prepareBatch("INSERT INTO accounts (email, created_at) VALUES (:e, :since)");
      for (int i = 0; i < n; i++) {
        List<String> alerts = new ArrayList<>();
        int k = 1 + rnd.nextInt(3);
        for (int j = 0; j < k; j++) alerts.add(pool.get((int) Math.min(pool.size() - 1, Math.abs(rnd.nextGaussian()) * 40)));
        String e = "reader" + i + "@example.org";
        subs.bind("e", e).bind("a", String.join("\n", new LinkedHashSet<>(alerts))).bind("since", cutoff).add();
        accounts.bind("e", e).bind("since", cutoff).add();
      }
      subs.execute();
      accounts.execute();
      List<Long> ids = h.createQuery("SELECT id FROM accounts ORDER BY id").mapTo(Long.class).list();
      var votes = h.prepareBatch("INSERT INTO votes (account_id, paper_id, voted_at) VALUES (:a, :p, :t)");
      for (long id : ids) {
        int k = 5 + rnd.nextInt(16);
        LinkedHashSet<String> liked = new LinkedHashSet<>();
        for (int j = 0; liked.size() < k && j < 200; j++) {
          String p = old.get(rnd.nextInt(old.size()));
          liked.add(p);
        }
        for (String p : liked) votes.bind("a", id).bind("p", p).bind("t", cutoff.minusSeconds(3600)).add();
      }
      votes.execute();
    });
  }

  /** The rendered digests from the outbox, sent again with nothing around them: no claims, no marks. */
  static void bareSend(Paperboy app, int port) throws Exception {
    List<String[]> mails = app.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT recipient, subject, body_text, body_html FROM digests WHERE status = 'sent' ORDER BY id")
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list());
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(port));
    Session session = Session.getInstance(props);
    try (Transport t = session.getTransport("smtp")) {
      t.connect();
      for (String[] mail : mails) {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("bench@paperboy.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail[0]));
        m.setSubject(mail[1], "UTF-8");
        MimeMultipart alt = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail[2], "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail[3], "UTF-8", "html");
        alt.addBodyPart(text);
        alt.addBodyPart(html);
        m.setContent(alt);
        m.saveChanges();
        t.sendMessage(m, m.getAllRecipients());
      }
    }
  }

  static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  static String vmHwm() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
          .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
