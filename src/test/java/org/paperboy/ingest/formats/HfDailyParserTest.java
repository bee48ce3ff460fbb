package org.paperboy.ingest.formats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.paperboy.BadInputException;
import org.paperboy.paper.Links;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Signals;

class HfDailyParserTest {
  private static final String FIXTURE = "hf-daily/daily_papers_2026-06-12.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TextParsersTestSink parseFixture() {
    return TextParsersTestSink.parse(new HfDailyParser(), FIXTURE);
  }

  private static JsonNode fixtureEntry(int index) throws Exception {
    return JSON.readTree(TextParsersTestSink.fixtureBytes(FIXTURE)).get(index);
  }

  @Test
  void reads_all_30_papers_of_the_day() {
    TextParsersTestSink sink = parseFixture();

    assertThat(sink.rejected).isEmpty();
    assertThat(sink.accepted).hasSize(30);
    assertThat(sink.papers()).allSatisfy(p -> assertThat(p.sources()).containsExactly("hf-daily"));
    assertThat(sink.papers()).allSatisfy(p -> assertThat(p.hasArxivId()).isTrue());
    // the API answers on a single line
    assertThat(sink.accepted).allSatisfy(a -> assertThat(a.line()).isEqualTo(1));
  }

  @Test
  void reads_signals_links_and_authors_exactly() {
    Paper p = parseFixture().paper("2606.13392");

    assertThat(p.title()).isEqualTo("MiniMax Sparse Attention");
    assertThat(p.abstractText())
        .startsWith("Ultra-long-context capability is becoming indispensable for frontier LLMs");
    assertThat(p.authors()).hasSize(11).startsWith("Xunhao Lai").endsWith("Pengyu Zhao");
    assertThat(p.published()).isEqualTo(LocalDate.of(2026, 6, 11));
    assertThat(p.version()).isZero();
    assertThat(p.signals().hfUpvotes()).isEqualTo(103);
    assertThat(p.signals().githubStars()).isEqualTo(251);
    assertThat(p.signals().aiKeywords())
        .hasSize(9)
        .startsWith("sparse attention")
        .endsWith("context length");
    assertThat(p.links())
        .isEqualTo(
            new Links(
                "https://arxiv.org/abs/2606.13392",
                "https://arxiv.org/pdf/2606.13392",
                "https://github.com/MiniMax-AI/MSA",
                null));
  }

  @Test
  void keeps_the_project_page_and_the_code_repository() {
    Paper p = parseFixture().paper("2606.08063");

    assertThat(p.title())
        .isEqualTo(
            "Robust-U1: Can MLLMs Self-Recover Corrupted Visual Content for Robust Understanding?");
    assertThat(p.authors()).hasSize(9).startsWith("Jiaqi Tang").endsWith("Qifeng Chen");
    assertThat(p.published()).isEqualTo(LocalDate.of(2026, 6, 6));
    assertThat(p.signals().hfUpvotes()).isEqualTo(74);
    assertThat(p.signals().githubStars()).isEqualTo(86);
    assertThat(p.links().code()).isEqualTo("https://github.com/jqtangust/Robust-U1");
    assertThat(p.links().project())
        .isEqualTo("https://huggingface.co/spaces/Jiaqi-hkust/Robust-U1");
  }

  @Test
  void tells_zero_upvotes_from_no_repository() {
    Paper p = parseFixture().paper("2606.00467");

    assertThat(p.signals().hfUpvotes()).isZero();
    assertThat(p.signals().githubStars()).isNull();
    assertThat(p.links().code()).isNull();
    assertThat(p.links().project()).isNull();
    assertThat(p.authors())
        .containsExactly("Etienne Casanova", "Rafal Kocielnik", "R. Michael Alvarez");
  }

  @Test
  void uses_the_author_name_not_the_hugging_face_account() {
    // This author has claimed a hidden HF account "DyJiang"; the paper's author is still the
    // person.
    Paper p = parseFixture().paper("2606.12575");

    assertThat(p.authors()).hasSize(10).contains("Dengyang Jiang").doesNotContain("DyJiang");
  }

  @Test
  void rejects_a_bad_entry_with_its_line_and_reads_the_next() throws Exception {
    ObjectNode bad = (ObjectNode) fixtureEntry(1).deepCopy();
    ((ObjectNode) bad.get("paper")).put("upvotes", "many");
    String text = "[\n" + fixtureEntry(0) + ",\n" + bad + ",\n" + fixtureEntry(2) + "\n]\n";

    TextParsersTestSink sink = TextParsersTestSink.parse(new HfDailyParser(), text.getBytes(UTF_8));

    assertThat(sink.accepted)
        .extracting(TextParsersTestSink.Accepted::line)
        .containsExactly(2L, 4L);
    assertThat(sink.papers()).extracting(Paper::id).containsExactly("2606.00467", "2606.13594");
    assertThat(sink.rejected).hasSize(1);
    assertThat(sink.rejected.get(0).line()).isEqualTo(3);
    assertThat(sink.rejected.get(0).reason())
        .isEqualTo("entry 2 (column 1): 'upvotes' should be a whole number, found '\"many\"'");
  }

  @Test
  void rejects_an_entry_with_broken_syntax_by_index_and_id_and_reads_the_ones_after_it()
      throws Exception {
    // a missing comma inside the second entry: Jackson alone cannot go on after it
    String broken =
        fixtureEntry(1).toString().replace("\"id\":\"2606.12730\",", "\"id\":\"2606.12730\" ");
    assertThat(broken).isNotEqualTo(fixtureEntry(1).toString());
    String text = "[" + fixtureEntry(0) + "," + broken + "," + fixtureEntry(2) + "]";

    TextParsersTestSink sink = TextParsersTestSink.parse(new HfDailyParser(), text.getBytes(UTF_8));

    assertThat(sink.papers()).extracting(Paper::id).containsExactly("2606.00467", "2606.13594");
    assertThat(sink.rejected).hasSize(1);
    assertThat(sink.rejected.get(0).line()).isEqualTo(1);
    assertThat(sink.rejected.get(0).reason())
        .startsWith("invalid JSON in entry 2 (id 2606.12730, column ")
        .doesNotContain("the rest of the file was not read");
  }

  @Test
  void keeps_what_came_before_broken_json() throws Exception {
    String whole = new String(TextParsersTestSink.fixtureBytes(FIXTURE), UTF_8);
    String secondId = "\"id\":\"2606.12730\"";
    String truncated = whole.substring(0, whole.indexOf(secondId) + secondId.length() + 20);

    TextParsersTestSink sink =
        TextParsersTestSink.parse(new HfDailyParser(), truncated.getBytes(UTF_8));

    assertThat(sink.papers()).extracting(Paper::id).containsExactly("2606.00467");
    assertThat(sink.rejected).hasSize(1);
    assertThat(sink.rejected.get(0).line()).isEqualTo(1);
    assertThat(sink.rejected.get(0).reason())
        .startsWith("invalid JSON in entry 2")
        .endsWith("the rest of the file was not read");
  }

  @Test
  void names_the_entry_after_the_last_good_one_when_garbage_follows_it() throws Exception {
    String text = "[\n" + fixtureEntry(0) + ",\n oops]";

    TextParsersTestSink sink = TextParsersTestSink.parse(new HfDailyParser(), text.getBytes(UTF_8));

    assertThat(sink.accepted).hasSize(1);
    assertThat(sink.rejected).extracting(TextParsersTestSink.Rejected::line).containsExactly(3L);
    assertThat(sink.rejected.get(0).reason()).startsWith("invalid JSON in entry 2 (column ");
  }

  @Test
  void rejects_an_id_that_is_not_an_arxiv_id() throws Exception {
    ObjectNode entry = (ObjectNode) fixtureEntry(0).deepCopy();
    ((ObjectNode) entry.get("paper")).put("id", "hello");

    TextParsersTestSink sink =
        TextParsersTestSink.parse(new HfDailyParser(), ("[" + entry + "]").getBytes(UTF_8));

    assertThat(sink.accepted).isEmpty();
    assertThat(sink.rejected.get(0).reason())
        .isEqualTo("entry 1 (column 2): not an arXiv id: 'hello'");
  }

  @Test
  void reads_entries_given_one_object_per_line_and_bare_papers() throws Exception {
    String text = fixtureEntry(0) + "\n" + fixtureEntry(1).get("paper") + "\n";

    TextParsersTestSink sink = TextParsersTestSink.parse(new HfDailyParser(), text.getBytes(UTF_8));

    assertThat(sink.rejected).isEmpty();
    assertThat(sink.papers()).extracting(Paper::id).containsExactly("2606.00467", "2606.12730");
    assertThat(sink.accepted)
        .extracting(TextParsersTestSink.Accepted::line)
        .containsExactly(1L, 2L);
    assertThat(sink.papers().get(1).signals())
        .isEqualTo(new Signals(5, 1, sink.papers().get(1).signals().aiKeywords()));
  }

  @Test
  void survives_invalid_utf8_bytes() throws Exception {
    String entry = fixtureEntry(0).toString();
    int cut = entry.indexOf("On the Limits");
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(("[" + entry.substring(0, cut)).getBytes(UTF_8));
    file.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    file.write((entry.substring(cut) + "]").getBytes(UTF_8));

    TextParsersTestSink sink = TextParsersTestSink.parse(new HfDailyParser(), file.toByteArray());

    assertThat(sink.rejected).isEmpty();
    assertThat(sink.papers().get(0).title()).startsWith("\uFFFD\uFFFDOn the Limits");
  }

  @Test
  void refuses_a_response_that_is_not_a_list_of_papers() {
    assertThatThrownBy(
            () ->
                TextParsersTestSink.parse(new HfDailyParser(), "\"rate limited\"".getBytes(UTF_8)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            "test input: expected a JSON array of Hugging Face daily papers, found a string");
  }

  @Test
  void reads_nothing_from_an_empty_array() {
    TextParsersTestSink sink = TextParsersTestSink.parse(new HfDailyParser(), "[]".getBytes(UTF_8));

    assertThat(sink.accepted).isEmpty();
    assertThat(sink.rejected).isEmpty();
  }
}
