package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in-process, on a temp data dir and the real fixtures. */
class CliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  /** Most tests need no vectors: the model costs seconds per hundred papers. */
  static final Map<String, String> LEXICAL = Map.of("PAPERBOY_EMBEDDINGS", "off");

  Run paperboy(String... args) {
    return paperboyWithEnv(LEXICAL, args);
  }

  Run paperboyWithEnv(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data", dir.resolve("data").toString()));
    all.addAll(List.of(args));
    int code =
        Main.run(all.toArray(String[]::new), env, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static Path fixture(String name) {
    try {
      return Path.of(CliTest.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String KAGGLE = "kaggle/arxiv-metadata-oai-snapshot.head200.jsonl";

  @Test
  void ingests_a_kaggle_file_and_a_rerun_finds_everything_unchanged() {
    Run first = paperboy("ingest", fixture(KAGGLE).toString());
    Run second = paperboy("ingest", fixture(KAGGLE).toString());

    assertThat(first.code()).isZero();
    assertThat(first.out()).isEqualTo("added 200, updated 0, unchanged 0, rejected 0\n");
    assertThat(second.out()).isEqualTo("added 0, updated 0, unchanged 200, rejected 0\n");
  }

  @Test
  void shows_a_paper_as_json_with_the_documented_fields() throws IOException {
    paperboy("ingest", fixture(KAGGLE).toString());

    Run show = paperboy("papers", "show", "arXiv:0704.0001v2", "--json");

    assertThat(show.code()).isZero();
    JsonNode p = new ObjectMapper().readTree(show.out());
    assertThat(p.get("id").asText()).isEqualTo("0704.0001");
    assertThat(p.get("version").asInt()).isEqualTo(2);
    assertThat(p.get("title").asText())
        .isEqualTo(
            "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
    assertThat(p.get("authors").get(0).asText()).isEqualTo("C. Balázs");
    assertThat(p.get("authors")).hasSize(4);
    assertThat(p.get("categories").get(0).asText()).isEqualTo("hep-ph");
    assertThat(p.get("published").asText()).isEqualTo("2007-04-02");
    assertThat(p.get("updated").asText()).isEqualTo("2007-07-24");
    assertThat(p.get("doi").asText()).isEqualTo("10.1103/PhysRevD.76.013009");
    assertThat(p.has("abstract")).isTrue();
    assertThat(p.get("hfUpvotes").isNull()).isTrue();
    assertThat(p.has("githubStars")).isTrue();
    assertThat(p.has("githubRepo")).isTrue();
  }

  @Test
  void stats_json_counts_papers() throws IOException {
    paperboy("ingest", fixture(KAGGLE).toString());

    Run stats = paperboy("stats", "--json");

    assertThat(new ObjectMapper().readTree(stats.out()).get("papers").asLong()).isEqualTo(200);
  }

  @Test
  void reads_gzipped_files_whatever_their_name() throws IOException {
    Path gz = dir.resolve("snapshot.data");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(fixture(KAGGLE), out);
    }

    assertThat(paperboy("ingest", gz.toString()).out())
        .isEqualTo("added 200, updated 0, unchanged 0, rejected 0\n");
  }

  @Test
  void a_bad_json_line_is_rejected_with_file_and_line_and_the_rest_ingested() throws IOException {
    List<String> lines = Files.readAllLines(fixture(KAGGLE), StandardCharsets.UTF_8).subList(0, 5);
    List<String> broken = new ArrayList<>(lines);
    broken.set(2, "{\"id\": \"0704.0003\", \"title\": ");
    Path file = dir.resolve("broken.jsonl");
    Files.write(file, broken, StandardCharsets.UTF_8);

    Run run = paperboy("ingest", "--format", "kaggle", file.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("added 4, updated 0, unchanged 0, rejected 1\n");
    assertThat(run.err()).startsWith("rejected broken.jsonl:3: ");
  }

  @Test
  void a_missing_file_is_exit_2_with_one_line() {
    Run run = paperboy("ingest", dir.resolve("nope.xml").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("paperboy: no such file: " + dir.resolve("nope.xml") + "\n");
  }

  @Test
  void an_unknown_format_is_exit_2_naming_the_supported_ones() {
    Run run = paperboy("ingest", "--format", "bibtex", fixture(KAGGLE).toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "paperboy: unknown format 'bibtex'; supported formats: arxiv-atom, oai-pmh, arxiv-rss,"
                + " hf-daily, kaggle, listing\n");
  }

  @Test
  void content_that_is_no_known_format_asks_for_format() throws IOException {
    Path file = dir.resolve("image.bin");
    Files.write(file, new byte[] {0, 1, 2, 3, 0, 0, 7});

    Run run = paperboy("ingest", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("cannot tell the format of").contains("pass --format");
  }

  @Test
  void an_unknown_paper_is_exit_2() {
    Run run = paperboy("papers", "show", "2401.99999");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("paperboy: no paper with id '2401.99999' in the store\n");
  }

  @Test
  void bad_usage_is_exit_2() {
    assertThat(paperboy("ingest").code()).isEqualTo(2);
    assertThat(paperboy("frobnicate").code()).isEqualTo(2);
  }

  @Test
  void the_data_option_also_works_after_the_subcommand() {
    Path other = dir.resolve("other");
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new String[] {"ingest", fixture(KAGGLE).toString(), "--data", other.toString()},
            LEXICAL,
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));

    assertThat(code).isZero();
    assertThat(other.resolve("paperboy.mv.db")).exists();
  }

  @Test
  void ingests_a_live_source_from_a_local_server() throws IOException {
    byte[] body = Files.readAllBytes(fixture("hf-daily/daily_papers_2026-06-12.json"));
    List<String> asked = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          asked.add(exchange.getRequestURI().toString());
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/daily_papers";

      Run run =
          paperboyWithEnv(
              Map.of("PAPERBOY_HF_URL", url, "PAPERBOY_EMBEDDINGS", "off"),
              "ingest",
              "hf:2026-06-12");

      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).isEqualTo("added 30, updated 0, unchanged 0, rejected 0\n");
      assertThat(asked).hasSize(1);
      assertThat(asked.get(0)).contains("date=2026-06-12");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void a_bad_live_spec_is_exit_2_naming_the_forms() {
    Run run = paperboy("ingest", "hf:yesterday");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("paperboy: ").contains("hf:YYYY-MM-DD");
  }

  @Test
  void ingest_embeds_the_new_papers_so_semantic_search_finds_them_at_once() throws IOException {
    List<String> lines =
        Files.readAllLines(fixture("listing/mllm-search-listing.txt"), StandardCharsets.UTF_8);
    Path file = dir.resolve("few.txt");
    Files.write(file, lines.subList(0, 2 + 2 * 6), StandardCharsets.UTF_8); // banners + 6 papers

    Run ingest = paperboyWithEnv(Map.of(), "ingest", file.toString());
    Run search =
        paperboyWithEnv(
            Map.of(), "search", "masking strategy for pretraining", "--mode", "semantic", "--json");
    Run again = paperboyWithEnv(Map.of(), "embed");

    assertThat(ingest.out()).isEqualTo("added 6, updated 0, unchanged 0, rejected 0\n");
    assertThat(search.code()).as(search.err()).isZero();
    assertThat(search.out().lines().toList()).hasSize(6);
    assertThat(search.out().lines().findFirst().orElseThrow())
        .contains("Learning Better Masking for Better Language Model Pre-training");
    assertThat(again.out()).isEqualTo("embedded 0 papers\n");
  }
}
