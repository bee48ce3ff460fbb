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
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
import org.paperboy.digest.RenderBaseline;
import org.paperboy.digest.RunReport;
import org.paperboy.ingest.formats.Format;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;

/**
 * The daily digest at scale: N confirmed subscribers (1-3 alerts each from a pool of realistic
 * queries, 5-20 upvotes each) and P new papers. Measures, each against a baseline from the same
 * run:
 *
 * <ul>
 *   <li>planning all N digests (a dry run: plan and render, write nothing) against the old floor,
 *       the distinct alerts searched once each through {@code SearchService} over the whole corpus;
 *   <li>rendering, with each paper's entry reused across readers and, as the baseline, rendered
 *       afresh for every reader ({@link RenderBaseline});
 *   <li>queueing and sending the digests of S of the readers to a plain-socket SMTP sink that
 *       discards ({@link SmtpSink}), against bare Jakarta Mail sending the same messages over one
 *       connection to the same sink; then G more to GreenMail, against bare Jakarta Mail to it;
 *   <li>peak heap (all heap pools) and peak RSS.
 * </ul>
 *
 * Picks use the bge-small vectors (the papers are embedded during setup) unless
 * PAPERBOY_EMBEDDINGS=off, which measures the hashed-words fallback.
 *
 * <pre>bench/run DigestBenchmark --subscribers 100000 --papers 1000 --send 10000 --greenmail 500
 * </pre>
 */
public final class DigestBenchmark {
  private static final String[][] TOPICS = {
    {
      "visual",
      "token",
      "reduction",
      "pruning",
      "multimodal",
      "efficient",
      "inference",
      "vision",
      "language",
      "model"
    },
    {
      "retrieval",
      "augmented",
      "generation",
      "dense",
      "passage",
      "reranking",
      "question",
      "answering",
      "corpus",
      "index"
    },
    {
      "reinforcement",
      "learning",
      "policy",
      "reward",
      "agent",
      "exploration",
      "offline",
      "value",
      "actor",
      "critic"
    },
    {
      "diffusion",
      "image",
      "generation",
      "denoising",
      "sampling",
      "latent",
      "guidance",
      "text",
      "video",
      "editing"
    },
    {
      "graph",
      "neural",
      "network",
      "message",
      "passing",
      "node",
      "molecule",
      "link",
      "prediction",
      "spectral"
    },
    {
      "speech",
      "recognition",
      "audio",
      "acoustic",
      "speaker",
      "low",
      "resource",
      "self",
      "supervised",
      "transcription"
    },
    {
      "quantum",
      "circuit",
      "qubit",
      "error",
      "correction",
      "variational",
      "hamiltonian",
      "simulation",
      "noise",
      "gate"
    },
    {
      "protein",
      "structure",
      "folding",
      "sequence",
      "design",
      "binding",
      "enzyme",
      "molecular",
      "dynamics",
      "docking"
    },
    {
      "code",
      "generation",
      "program",
      "synthesis",
      "repair",
      "software",
      "agents",
      "benchmark",
      "test",
      "compiler"
    },
    {
      "robot",
      "manipulation",
      "grasping",
      "locomotion",
      "control",
      "sim",
      "real",
      "transfer",
      "tactile",
      "planning"
    },
  };

  public static void main(String[] args) throws Exception {
    int subscribers = Integer.parseInt(KaggleGenerator.arg(args, "--subscribers", "100000"));
    int paperCount = Integer.parseInt(KaggleGenerator.arg(args, "--papers", "1000"));
    int toSink = Integer.parseInt(KaggleGenerator.arg(args, "--send", "10000"));
    int toGreenMail = Integer.parseInt(KaggleGenerator.arg(args, "--greenmail", "500"));
    Random rnd = new Random(42);
    Path data = Files.createTempDirectory("paperboy-bench-digest");
    String embeddings = System.getenv().getOrDefault("PAPERBOY_EMBEDDINGS", "on");
    System.out.printf("load average before: %s%n", load());
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try (SmtpSink sink = new SmtpSink()) {
      try (Paperboy app =
          Paperboy.open(Config.from(data, env("smtp://127.0.0.1:" + sink.port(), embeddings)))) {
        long t0 = System.nanoTime();
        // Yesterday's papers, which readers upvoted, then today's new ones.
        ingest(app, papers(rnd, 500, "old"));
        List<String> old =
            app.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM papers").mapTo(String.class).list());
        Thread.sleep(5);
        Instant cutoff = Instant.now();
        Thread.sleep(5);
        ingest(app, papers(rnd, paperCount, "new"));
        long e0 = System.nanoTime();
        int embedded = 0;
        for (int n; (n = app.search().embedMissing(256)) > 0; ) embedded += n;
        double embedSeconds = (System.nanoTime() - e0) / 1e9;
        List<String> pool = alertPool(rnd);
        seed(app, subscribers, pool, old, cutoff, rnd);
        System.out.printf(
            "setup: %,d subscribers, %,d new papers, %d distinct alerts, embeddings %s (%,d papers embedded in %.0f s)"
                + " in %.1f s%n",
            subscribers,
            paperCount,
            pool.size(),
            embeddings,
            embedded,
            embedSeconds,
            (System.nanoTime() - t0) / 1e9);

        long b0 = System.nanoTime();
        SearchMode mode = app.search().embeds() ? SearchMode.HYBRID : SearchMode.LEXICAL;
        for (String q : pool)
          app.search().search(new SearchRequest(q, mode, 100, null, null, List.of()));
        double searchBaseline = (System.nanoTime() - b0) / 1e9;

        // Everyone due: a dry run plans and renders every digest and writes nothing.
        RunReport dry = app.digests().run(today, true);
        RunReport.Phases p = dry.phases();
        double plan = p.planNanos() / 1e9, render = p.renderNanos() / 1e9;
        System.out.printf(
            "dry run (%s): plan %.1f s for %,d readers (%,.0f/s), render %.1f s = %,.0f digests/s; load %s%n",
            dry.summary(),
            plan,
            dry.due(),
            dry.due() / plan,
            render,
            dry.planned() / render,
            load());
        System.out.printf(
            "  baseline, the %d distinct alerts searched once each over the corpus (%s): %.1f s; plan/baseline %.2f%n",
            pool.size(), mode, searchBaseline, plan / searchBaseline);
        peak();
        // The render baseline on the first S readers (afresh it is too slow for all of them), after
        // the main run: warmer JIT.
        activate(app, 0, toSink);
        RunReport fresh = RenderBaseline.dryRunAfresh(app.digests(), today);
        double freshRender = fresh.phases().renderNanos() / 1e9;
        System.out.printf(
            "  baseline, every entry rendered afresh for %,d readers: %.1f s = %,.0f digests/s; reuse speed-up %.1fx; load %s%n",
            fresh.planned(),
            freshRender,
            fresh.planned() / freshRender,
            (dry.planned() / render) / (fresh.planned() / freshRender),
            load());

        // Sending: only the first S readers stay active (queueing 100,000 digests of 40 kB is
        // gigabytes of H2).
        activate(app, 0, toSink);
        RunReport real = app.digests().run(today, false);
        double queue = real.phases().queueNanos() / 1e9, send = real.phases().sendNanos() / 1e9;
        long s0 = System.nanoTime();
        int bare = bareSend(app, "127.0.0.1", sink.port(), 0);
        double bareSeconds = (System.nanoTime() - s0) / 1e9;
        System.out.printf(
            "real run to the socket sink (%s): queue %.1f s = %,.0f/s, send %.1f s = %,.0f/s; load %s%n",
            real.summary(), queue, real.planned() / queue, send, real.sent() / send, load());
        System.out.printf(
            "  baseline, bare Jakarta Mail, the same %,d messages over one connection: %.1f s = %,.0f/s; ratio %.2f%n",
            bare, bareSeconds, bare / bareSeconds, (real.sent() / send) / (bare / bareSeconds));
        System.out.printf(
            "  sink took %,d messages, %,d kB each on average%n",
            sink.messages(), sink.messages() == 0 ? 0 : sink.bytes() / sink.messages() >> 10);
        peak();
      }
    }
    if (toGreenMail > 0) {
      GreenMail gm = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      gm.start();
      try (Paperboy app =
          Paperboy.open(
              Config.from(data, env("smtp://127.0.0.1:" + gm.getSmtp().getPort(), embeddings)))) {
        long firstId =
            app.database()
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT COALESCE(MAX(id), 0) FROM digests")
                            .mapTo(Long.class)
                            .one());
        activate(app, toSink, toSink + toGreenMail);
        RunReport real = app.digests().run(today, false);
        double send = real.phases().sendNanos() / 1e9;
        long s0 = System.nanoTime();
        int bare = bareSend(app, "127.0.0.1", gm.getSmtp().getPort(), firstId);
        double bareSeconds = (System.nanoTime() - s0) / 1e9;
        System.out.printf(
            "real run to GreenMail (%s): send %.1f s = %,.0f/s; load %s%n",
            real.summary(), send, real.sent() / send, load());
        System.out.printf(
            "  baseline, bare Jakarta Mail, the same %,d messages to GreenMail: %.1f s = %,.0f/s; ratio %.2f%n",
            bare, bareSeconds, bare / bareSeconds, (real.sent() / send) / (bare / bareSeconds));
      } finally {
        gm.stop();
      }
    }
    peak();
  }

  private static Map<String, String> env(String smtp, String embeddings) {
    return Map.of(
        "PAPERBOY_SMTP_URL",
        smtp,
        "PAPERBOY_BASE_URL",
        "https://paperboy.example",
        "PAPERBOY_SECRET",
        "bench",
        "PAPERBOY_EMBEDDINGS",
        embeddings);
  }

  /** Only readers {@code from} (inclusive) to {@code to} of the seeded ones stay active. */
  static void activate(Paperboy app, int from, int to) {
    app.database()
        .jdbi()
        .useHandle(
            h -> {
              List<Long> ids =
                  h.createQuery("SELECT id FROM subscriptions ORDER BY id")
                      .mapTo(Long.class)
                      .list();
              long lo = from < ids.size() ? ids.get(from) : Long.MAX_VALUE,
                  hi = to < ids.size() ? ids.get(to) : Long.MAX_VALUE;
              h.createUpdate(
                      "UPDATE subscriptions SET status = CASE WHEN id >= :lo AND id < :hi THEN 'active' ELSE 'paused' END")
                  .bind("lo", lo)
                  .bind("hi", hi)
                  .execute();
            });
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  /** The largest heap in use right after a collection (what was live), sampled every 50 ms. */
  private static final java.util.concurrent.atomic.AtomicLong LIVE =
      new java.util.concurrent.atomic.AtomicLong();

  static {
    Thread t =
        new Thread(
            () -> {
              while (true) {
                long after = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                  if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                    after += pool.getCollectionUsage().getUsed();
                }
                LIVE.accumulateAndGet(after, Math::max);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-heap-sampler");
    t.setDaemon(true);
    t.start();
  }

  static void peak() {
    long heap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null)
        heap += pool.getPeakUsage().getUsed();
    }
    System.out.printf(
        "heap: largest live after a GC %,d MB, sum of pool peaks (garbage included, an upper bound) %,d MB;"
            + " peak RSS %s, max heap %,d MB%n",
        LIVE.get() >> 20, heap >> 20, vmHwm(), Runtime.getRuntime().maxMemory() >> 20);
  }

  static List<String[]> papers(Random rnd, int n, String tag) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String[] t = TOPICS[rnd.nextInt(TOPICS.length)];
      String title = words(rnd, t, 6) + " " + tag + " " + i;
      out.add(
          new String[] {
            title,
            words(rnd, t, 40) + " " + words(rnd, TOPICS[rnd.nextInt(TOPICS.length)], 15) + "."
          });
    }
    return out;
  }

  static String words(Random rnd, String[] vocab, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++)
      b.append(i == 0 ? "" : " ").append(vocab[rnd.nextInt(vocab.length)]);
    return b.toString();
  }

  static void ingest(Paperboy app, List<String[]> papers) {
    StringBuilder s = new StringBuilder();
    for (String[] p : papers) s.append(p[0]).append('\n').append(p[1]).append("\n\n");
    app.ingest()
        .ingest(
            new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8)),
            "bench.txt",
            Format.LISTING);
  }

  /** 200 alerts: two or three words of one topic, as people write them. */
  static List<String> alertPool(Random rnd) {
    LinkedHashSet<String> pool = new LinkedHashSet<>();
    while (pool.size() < 200) {
      String[] t = TOPICS[rnd.nextInt(TOPICS.length)];
      pool.add(
          t[rnd.nextInt(t.length)]
              + " "
              + t[rnd.nextInt(t.length)]
              + (rnd.nextBoolean() ? " " + t[rnd.nextInt(t.length)] : ""));
    }
    return new ArrayList<>(pool);
  }

  /**
   * Subscribers, their accounts and upvotes, straight in SQL batches: the subscribe path is not
   * what is measured.
   */
  static void seed(
      Paperboy app, int n, List<String> pool, List<String> old, Instant cutoff, Random rnd) {
    final int chunk = 5000;
    for (int from = 0; from < n; from += chunk) {
      int start = from, end = Math.min(n, from + chunk);
      app.database()
          .jdbi()
          .useTransaction(
              h -> {
                var subs =
                    h.prepareBatch(
                        "INSERT INTO subscriptions (email, alerts, trending, send_time, zone, max_papers, status,"
                            + " papers_since, hard_failures, created_at, confirmed_at) VALUES (:e, :a, TRUE, '07:00', 'UTC', 20, 'active', :since, 0, :since, :since)");
                var accounts =
                    h.prepareBatch("INSERT INTO accounts (email, created_at) VALUES (:e, :since)");
                for (int i = start; i < end; i++) {
                  List<String> alerts = new ArrayList<>();
                  int k = 1 + rnd.nextInt(3);
                  for (int j = 0; j < k; j++)
                    alerts.add(
                        pool.get(
                            (int) Math.min(pool.size() - 1, Math.abs(rnd.nextGaussian()) * 40)));
                  String e = "reader" + i + "@example.org";
                  subs.bind("e", e)
                      .bind("a", String.join("\n", new LinkedHashSet<>(alerts)))
                      .bind("since", cutoff)
                      .add();
                  accounts.bind("e", e).bind("since", cutoff).add();
                }
                subs.execute();
                accounts.execute();
                List<Long> ids =
                    h.createQuery("SELECT id FROM accounts WHERE email IN (<e>)")
                        .bindList(
                            "e",
                            java.util.stream.IntStream.range(start, end)
                                .mapToObj(i -> "reader" + i + "@example.org")
                                .toList())
                        .mapTo(Long.class)
                        .list();
                var votes =
                    h.prepareBatch(
                        "INSERT INTO votes (account_id, paper_id, voted_at) VALUES (:a, :p, :t)");
                for (long id : ids) {
                  int k = 5 + rnd.nextInt(16);
                  // Readers have a topic: most likes from one slice of the older papers, a few from
                  // anywhere.
                  int home = rnd.nextInt(old.size());
                  LinkedHashSet<String> liked = new LinkedHashSet<>();
                  for (int j = 0; liked.size() < k && j < 200; j++) {
                    liked.add(
                        rnd.nextInt(4) == 0
                            ? old.get(rnd.nextInt(old.size()))
                            : old.get((home + rnd.nextInt(40)) % old.size()));
                  }
                  for (String p : liked)
                    votes.bind("a", id).bind("p", p).bind("t", cutoff.minusSeconds(3600)).add();
                }
                votes.execute();
              });
    }
  }

  /**
   * The rendered digests sent (id above {@code after}), sent again with nothing around them: no
   * claims, no marks.
   */
  static int bareSend(Paperboy app, String host, int port, long after) throws Exception {
    List<String[]> mails =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT recipient, subject, body_text, body_html, message_id FROM digests WHERE status = 'sent' AND id > :after ORDER BY id")
                        .bind("after", after)
                        .map(
                            (rs, ctx) ->
                                new String[] {
                                  rs.getString(1),
                                  rs.getString(2),
                                  rs.getString(3),
                                  rs.getString(4),
                                  rs.getString(5)
                                })
                        .list());
    Properties props = new Properties();
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", String.valueOf(port));
    props.put(
        "mail.smtp.socketFactory",
        new NoDelay()); // the same socket option as SmtpMailer: no Nagle stalls
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
    return mails.size();
  }

  /** Plain sockets with TCP_NODELAY. */
  static final class NoDelay extends javax.net.SocketFactory {
    private static java.net.Socket on(java.net.Socket s) throws java.io.IOException {
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public java.net.Socket createSocket() throws java.io.IOException {
      return on(new java.net.Socket());
    }

    @Override
    public java.net.Socket createSocket(String h, int p) throws java.io.IOException {
      return on(new java.net.Socket(h, p));
    }

    @Override
    public java.net.Socket createSocket(String h, int p, java.net.InetAddress l, int lp)
        throws java.io.IOException {
      return on(new java.net.Socket(h, p, l, lp));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress h, int p) throws java.io.IOException {
      return on(new java.net.Socket(h, p));
    }

    @Override
    public java.net.Socket createSocket(
        java.net.InetAddress h, int p, java.net.InetAddress l, int lp) throws java.io.IOException {
      return on(new java.net.Socket(h, p, l, lp));
    }
  }

  static String vmHwm() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmHWM"))
          .map(l -> l.replaceAll("\\s+", " ").substring(7))
          .findFirst()
          .orElse("?");
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
