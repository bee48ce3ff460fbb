package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy ingest} over several sources: each is reported, a bad one costs only itself. */
class IngestSourcesTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run paperboy(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data", dir.resolve("data").toString()));
    all.addAll(List.of(args));
    int code =
        Main.run(
            all.toArray(String[]::new),
            Map.of("PAPERBOY_EMBEDDINGS", "off"),
            new PrintWriter(out),
            new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static String fixture(String name) {
    try {
      return Path.of(IngestSourcesTest.class.getResource("/fixtures/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_bad_file_in_the_middle_is_reported_in_one_line_and_the_others_are_ingested() {
    String a = fixture("arxiv-api/id_1605.08386_s0_m100_199195aa31ad.xml");
    String bad = fixture("arxiv-api/id_abc_s0_m100_b79c8dcf6bc3.xml"); // arXiv's error feed
    String b = fixture("arxiv-api/id_1707.08567_s0_m100_6a1afebfc6a3.xml");

    Run run = paperboy("ingest", a, bad, b);

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err().lines().filter(l -> l.contains(bad)))
        .singleElement()
        .asString()
        .startsWith("paperboy: " + bad + ": ")
        .containsIgnoringCase("incorrect id format for abc");
    assertThat(run.err()).contains(a + ": added 1", b + ": added 1");
    assertThat(run.out()).startsWith("added 2,");
    assertThat(paperboy("papers", "show", "1707.08567").code()).isZero();
  }

  @Test
  void a_kaggle_file_whose_first_line_is_a_comment_is_read_as_kaggle() throws Exception {
    List<String> records =
        Files.readAllLines(Path.of(fixture("kaggle/arxiv-metadata-oai-snapshot.head200.jsonl")));
    Path file = dir.resolve("snapshot.jsonl");
    Files.writeString(file, "# arXiv snapshot export\n" + String.join("\n", records.subList(0, 5)));

    Run run = paperboy("ingest", file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("added 5, updated 0, unchanged 0, rejected 0");
  }

  @Test
  void a_file_no_format_recognises_is_exit_2_naming_the_formats() throws Exception {
    Path file = dir.resolve("table.csv");
    Files.writeString(file, "a,b,c\n1,2,3\n");

    Run run = paperboy("ingest", file.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err())
        .isEqualTo(
            "paperboy: cannot tell the format of "
                + file
                + "; pass --format with one of: arxiv-atom, oai-pmh, arxiv-rss, hf-daily, kaggle,"
                + " listing\n");
  }
}
