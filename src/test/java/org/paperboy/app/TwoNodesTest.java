package org.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Main;
import org.paperboy.store.TestPostgres;
import org.paperboy.testing.Await;

/**
 * Issue 12: two {@code serve} processes on one PostgreSQL database, each with its own data dir (and
 * so its own index replica) and port. A paper ingested beside node A is found by node B's search
 * within 2 s, and a vote cast on A moves B's trending. Skipped without {@code
 * PAPERBOY_TEST_PG_URL}.
 */
class TwoNodesTest {
  private static final Pattern SERVING =
      Pattern.compile("serving [\\d,]+ papers at http://[^:]+:(\\d+)/");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final long LAG_LIMIT_MS = 2_000;
  @TempDir Path dir;

  @Test
  void a_paper_and_a_vote_on_one_node_show_on_the_other() throws Exception {
    try (TestPostgres pg = TestPostgres.freshSchema()) {
      Map<String, String> env = new HashMap<>(pg.env());
      env.put("PAPERBOY_EMBEDDINGS", "off");
      Path dataA = dir.resolve("a");
      Path dataB = dir.resolve("b");
      // One paper first, so neither node loads the bundled sample corpus on its empty store.
      ingest(env, dataA, paperFile("seed.jsonl", "2301.00001", "Seed paper on graphs"));
      Node a = Node.start(env, dataA);
      Node b = null;
      try {
        b = Node.start(env, dataB);
        HttpClient http = HttpClient.newHttpClient();
        // B answers the query before the paper exists, as a reader would: its answer must not
        // stick.
        assertThat(get(http, b.url("/api/search?q=zymurgical"))).doesNotContain("2301.00002");

        ingest(
            env, dataA, paperFile("new.jsonl", "2301.00002", "Zymurgical fermentation kinetics"));
        long ingested = System.nanoTime();
        Node nodeB = b;
        Await.until(
            Duration.ofSeconds(10),
            () -> get(http, nodeB.url("/api/search?q=zymurgical")).contains("2301.00002"),
            "node B finds the paper ingested beside node A");
        long lagMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ingested);
        System.out.printf("index lag, ingest beside node A -> found on node B: %d ms%n", lagMs);
        assertThat(lagMs).as("lag to node B").isLessThanOrEqualTo(LAG_LIMIT_MS);

        assertThat(votesOn(http, b, "2301.00002")).isZero();
        Browser reader = new Browser(a, dataA);
        reader.signIn("voter@example.org");
        HttpResponse<String> vote =
            reader.post("/vote", Map.of("id", "2301.00002", "action", "up", "next", "/"));
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(303);
        Await.until(
            Duration.ofSeconds(5),
            () -> votesOn(http, nodeB, "2301.00002") == 1,
            "node B's trending shows the vote cast on node A");
      } finally {
        a.stop();
        if (b != null) b.stop();
      }
    }
  }

  /**
   * The local votes {@code /api/trending} of {@code node} shows for {@code id}; 0 if not listed.
   */
  private static int votesOn(HttpClient http, Node node, String id) {
    String json = get(http, node.url("/api/trending?window=week&limit=50"));
    Matcher m =
        Pattern.compile(
                "\"id\":\""
                    + Pattern.quote(id)
                    + "\",\"title\":\"[^\"]*\",\"score\":[^,]+,\"votes\":(\\d+)")
            .matcher(json);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private Path paperFile(String name, String id, String title) throws IOException {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String line =
        ("{\"id\":\"%s\",\"title\":\"%s\",\"authors\":\"Ada Lovelace\",\"categories\":\"cs.LG\","
                + "\"abstract\":\"We study %s.\",\"update_date\":\"%s\","
                + "\"versions\":[{\"version\":\"v1\",\"created\":\"%s\"}]}")
            .formatted(id, title, title.toLowerCase(Locale.ROOT), today, rfc1123Today());
    return Files.writeString(dir.resolve(name), line + "\n");
  }

  private static String rfc1123Today() {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
  }

  private static void ingest(Map<String, String> env, Path data, Path file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"--data", data.toString(), "ingest", "--no-embed", file.toString()},
            env,
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).as(err.toString()).contains("added 1");
  }

  private static String get(HttpClient http, String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).GET().build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new AssertionError("request failed: " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A {@code paperboy serve} child JVM on a free port. */
  private record Node(Process process, int port, List<String> output) {
    static Node start(Map<String, String> env, Path data) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb =
          new ProcessBuilder(
                  java,
                  "-Xmx384m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "--data",
                  data.toString(),
                  "serve",
                  "--port",
                  "0",
                  "--host",
                  "127.0.0.1")
              .redirectErrorStream(true);
      pb.environment().putAll(env);
      Process p = pb.start();
      List<String> output = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<Integer> port = new CompletableFuture<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                  }
                } catch (IOException e) {
                  // the child ended; its output so far is kept
                }
                port.completeExceptionally(new AssertionError("serve ended: " + output));
              });
      reader.setDaemon(true);
      reader.start();
      try {
        return new Node(p, port.get(120, TimeUnit.SECONDS), output);
      } catch (Exception e) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("serve did not start: " + output, e);
      }
    }

    String url(String path) {
      return "http://127.0.0.1:" + port + path;
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
  }

  /** A signed-in reader of one node: its cookies, and the CSRF token its pages carry. */
  private static final class Browser {
    private final Node node;
    private final Path data;
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Browser(Node node, Path data) {
      this.node = node;
      this.data = data;
    }

    void signIn(String email) throws Exception {
      post("/login", Map.of("email", email, "next", "/"));
      String link = newestLink();
      String token = link.substring(link.indexOf("token=") + 6);
      HttpResponse<String> in = post("/login/verify", Map.of("token", token, "next", "/"));
      assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
      Matcher m =
          CSRF.matcher(send(HttpRequest.newBuilder(URI.create(node.url("/login"))).GET()).body());
      Map<String, String> all = new LinkedHashMap<>(form);
      if (m.find()) all.putIfAbsent("csrf", m.group(1));
      String body =
          all.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(URI.create(node.url(path)))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
      return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sign-in link in the newest mail of the node's outbox. */
    private String newestLink() throws IOException {
      try (var files = Files.list(data.resolve("outbox"))) {
        Path newest =
            files
                .filter(f -> f.toString().endsWith(".eml"))
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new AssertionError("the outbox is empty"));
        Matcher m = Pattern.compile("http://\\S+token=\\S+").matcher(Files.readString(newest));
        if (!m.find()) throw new AssertionError("no link in " + newest);
        return m.group();
      }
    }
  }
}
