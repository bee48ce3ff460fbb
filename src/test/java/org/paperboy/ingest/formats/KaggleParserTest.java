package org.paperboy.ingest.formats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.ingest.text.Normalizer;
import org.paperboy.paper.Links;
import org.paperboy.paper.Paper;

class KaggleParserTest {
  private static final String FIXTURE = "kaggle/arxiv-metadata-oai-snapshot.head200.jsonl";

  private static TextParsersTestSink parseFixture() {
    return TextParsersTestSink.parse(new KaggleParser(), FIXTURE);
  }

  private static List<String> fixtureLines() {
    return Arrays.asList(new String(TextParsersTestSink.fixtureBytes(FIXTURE), UTF_8).split("\n"));
  }

  @Test
  void reads_every_record_of_the_snapshot_with_its_line() {
    TextParsersTestSink sink = parseFixture();

    assertThat(sink.rejected).isEmpty();
    assertThat(sink.accepted).hasSize(200);
    assertThat(sink.accepted.get(0).line()).isEqualTo(1);
    assertThat(sink.accepted.get(199).line()).isEqualTo(200);
    assertThat(sink.accepted.get(199).paper().id()).isEqualTo("0704.0200");
    assertThat(sink.papers()).allSatisfy(p -> assertThat(p.sources()).containsExactly("kaggle"));
  }

  @Test
  void reads_the_fields_of_the_first_record_exactly() {
    Paper p = parseFixture().paper("0704.0001");

    assertThat(p.version()).isEqualTo(2);
    assertThat(p.title())
        .isEqualTo(
            "Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies");
    assertThat(p.abstractText())
        .startsWith("A fully differential calculation")
        .endsWith("judicious\nselection of events.");
    assertThat(p.authors())
        .containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan");
    assertThat(p.categories()).containsExactly("hep-ph");
    assertThat(p.doi()).isEqualTo("10.1103/PhysRevD.76.013009");
    assertThat(p.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
    assertThat(p.comments()).isEqualTo("37 pages, 15 figures; published version");
    assertThat(p.license()).isNull();
    assertThat(p.links())
        .isEqualTo(
            new Links(
                "https://arxiv.org/abs/0704.0001", "https://arxiv.org/pdf/0704.0001", null, null));
  }

  @Test
  void reads_versions_into_published_and_updated() {
    TextParsersTestSink sink = parseFixture();

    Paper twoVersions = sink.paper("0704.0002");
    assertThat(twoVersions.published()).isEqualTo(LocalDate.of(2007, 3, 31));
    assertThat(twoVersions.updated()).isEqualTo(LocalDate.of(2008, 12, 13));
    assertThat(twoVersions.version()).isEqualTo(2);

    Paper oneVersion = sink.paper("0704.0200");
    assertThat(oneVersion.published()).isEqualTo(LocalDate.of(2007, 4, 2));
    assertThat(oneVersion.updated()).isEqualTo(LocalDate.of(2007, 4, 2));
    assertThat(oneVersion.version()).isEqualTo(1);
    assertThat(oneVersion.categories()).containsExactly("hep-ph", "nucl-ex");
    assertThat(oneVersion.journalRef()).isEqualTo("Eur.Phys.J.A31:327-333,2007");
  }

  @Test
  void keeps_categories_primary_first_and_the_license() {
    Paper p = parseFixture().paper("0704.0002");

    assertThat(p.categories()).containsExactly("math.CO", "cs.CG");
    assertThat(p.primaryCategory()).isEqualTo("math.CO");
    assertThat(p.license()).isEqualTo("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
    assertThat(p.authors()).containsExactly("Ileana Streinu", "Louis Theran");
    assertThat(p.doi()).isNull();
  }

  @Test
  void builds_author_names_from_authors_parsed_with_suffixes_and_single_names() {
    TextParsersTestSink sink = parseFixture();

    Paper withSuffix = sink.paper("0704.0009");
    assertThat(withSuffix.authors())
        .hasSize(7)
        .startsWith("Paul Harvey")
        .endsWith("Philip C. Myers");
    assertThat(withSuffix.authors()).contains("Neal J. Evans II");

    assertThat(sink.paper("0704.0020").authors())
        .containsExactly("The BABAR Collaboration", "B. Aubert");
    assertThat(sink.paper("0704.0147").authors())
        .containsExactly("Sudha", "A. V. Gopala Rao", "A. R. Usha Devi", "A. K. Rajagopal");
    // authors_parsed can carry affiliations after the suffix; they are not names.
    assertThat(sink.paper("0704.0044").authors())
        .hasSize(7)
        .startsWith("A. A. Schekochihin", "S. C. Cowley", "W. Dorland")
        .endsWith("T. Tatsuno")
        .noneMatch(name -> name.contains("Oxford"));
  }

  @Test
  void falls_back_to_the_author_string_without_authors_parsed() {
    String line =
        "{\"id\":\"0704.0002\",\"authors\":\"Ileana Streinu, A. B\\\\'azs, and Louis Theran\","
            + "\"title\":\"T\",\"abstract\":\"A\"}";

    Paper p = TextParsersTestSink.parse(new KaggleParser(), line.getBytes(UTF_8)).papers().get(0);

    assertThat(p.authors()).containsExactly("Ileana Streinu", "A. B\\'azs", "Louis Theran");
  }

  @Test
  void rejects_a_bad_json_line_with_its_number_and_reads_on() {
    List<String> lines = fixtureLines();
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      file.append(lines.get(i)).append('\n');
    }
    // line 11: a real record cut in half, as a truncated copy would leave it
    file.append(lines.get(10), 0, lines.get(10).length() / 2).append('\n');
    for (int i = 11; i < 20; i++) {
      file.append(lines.get(i)).append('\n');
    }

    TextParsersTestSink sink =
        TextParsersTestSink.parse(new KaggleParser(), file.toString().getBytes(UTF_8));

    assertThat(sink.accepted).hasSize(19);
    assertThat(sink.rejected).hasSize(1);
    assertThat(sink.rejected.get(0).line()).isEqualTo(11);
    assertThat(sink.rejected.get(0).reason()).startsWith("invalid JSON: ");
    assertThat(sink.accepted.get(10).line()).isEqualTo(12);
    assertThat(sink.accepted.get(10).paper().id()).isEqualTo("0704.0012");
  }

  @Test
  void rejects_records_whose_fields_have_the_wrong_shape() {
    String file =
        "[1, 2]\n"
            + "{\"id\":\"not-an-id\",\"title\":\"T\",\"abstract\":\"A\"}\n"
            + "{\"id\":\"0704.0002\",\"title\":[\"T\"],\"abstract\":\"A\"}\n"
            + "{\"id\":\"0704.0002\",\"title\":\"T\",\"abstract\":\"A\",\"versions\":[{\"version\":\"v1\",\"created\":\"yesterday\"}]}\n"
            + "{\"id\":\"0704.0002\",\"title\":\"T\",\"abstract\":\"A\"} {}\n"
            + "\n"
            + "{\"id\":\"0704.0003\",\"title\":\"T\",\"abstract\":\"A\"}\n";

    TextParsersTestSink sink = TextParsersTestSink.parse(new KaggleParser(), file.getBytes(UTF_8));

    assertThat(sink.accepted).extracting(TextParsersTestSink.Accepted::line).containsExactly(7L);
    assertThat(sink.rejected)
        .extracting(TextParsersTestSink.Rejected::line)
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(sink.rejected.get(0).reason()).isEqualTo("expected a JSON object, found an array");
    assertThat(sink.rejected.get(1).reason()).contains("not an arXiv id: 'not-an-id'");
    assertThat(sink.rejected.get(2).reason())
        .isEqualTo("'title' should be a string, found an array");
    assertThat(sink.rejected.get(3).reason()).contains("'yesterday'");
    assertThat(sink.rejected.get(4).reason()).isEqualTo("more than one JSON value on the line");
  }

  @Test
  void survives_invalid_utf8_bytes_inside_a_record() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write("{\"id\":\"0704.0002\",\"title\":\"Caf".getBytes(UTF_8));
    file.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    file.write("\",\"abstract\":\"A\"}\n".getBytes(UTF_8));
    file.write(fixtureLines().get(0).getBytes(UTF_8));

    TextParsersTestSink sink = TextParsersTestSink.parse(new KaggleParser(), file.toByteArray());

    assertThat(sink.rejected).isEmpty();
    assertThat(sink.papers()).hasSize(2);
    assertThat(sink.papers().get(0).title()).startsWith("Caf\uFFFD").doesNotContain("\u00FF");
  }

  @Test
  void rejects_a_line_too_long_to_be_a_record_and_reads_on() {
    String huge = "x".repeat(KaggleParser.MAX_LINE + 1);
    String file = huge + "\n" + fixtureLines().get(0) + "\n";

    TextParsersTestSink sink = TextParsersTestSink.parse(new KaggleParser(), file.getBytes(UTF_8));

    assertThat(sink.rejected).extracting(TextParsersTestSink.Rejected::line).containsExactly(1L);
    assertThat(sink.rejected.get(0).reason()).startsWith("line is longer than ");
    assertThat(sink.accepted).extracting(TextParsersTestSink.Accepted::line).containsExactly(2L);
  }

  @Test
  void drops_a_leading_byte_order_mark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] line = fixtureLines().get(0).getBytes(UTF_8);
    byte[] file = new byte[bom.length + line.length];
    System.arraycopy(bom, 0, file, 0, bom.length);
    System.arraycopy(line, 0, file, bom.length, line.length);

    TextParsersTestSink sink = TextParsersTestSink.parse(new KaggleParser(), file);

    assertThat(sink.rejected).isEmpty();
    assertThat(sink.papers()).extracting(Paper::id).containsExactly("0704.0001");
  }

  @Test
  void cleans_the_real_kaggle_records() {
    List<Paper.Builder> builders = new java.util.ArrayList<>();
    TextParsersTestSink.parse(
        new KaggleParser(),
        TextParsersTestSink.fixtureBytes("kaggle/arxiv-metadata-oai-snapshot.head200.jsonl"),
        (b, line) -> {
          Normalizer.normalize(b);
          builders.add(b);
        });
    List<Paper> papers = builders.stream().map(Paper.Builder::build).toList();
    java.util.Map<String, Paper> byId =
        papers.stream().collect(java.util.stream.Collectors.toMap(Paper::id, p -> p));

    assertThat(papers).hasSize(200);
    assertThat(papers)
        .allSatisfy(
            p -> {
              for (String text : List.of(p.title(), p.abstractText())) {
                assertThat(text).doesNotContain("\n", "  ").isEqualTo(text.strip());
              }
            });
    assertThat(byId.get("0704.0001").title())
        .isEqualTo(
            "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
    assertThat(byId.get("0704.0119").title())
        .isEqualTo(
            "Quasi-quartet crystal electric field ground state in a tetragonal CeAg₂Ge₂ single crystal");
    assertThat(byId.get("0704.0005").title())
        .isEqualTo("From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$");
    assertThat(byId.get("0704.0002").abstractText())
        .startsWith("We describe a new algorithm, the (k,ℓ)-pebble game with colors");
    assertThat(byId.get("0704.0068").abstractText())
        .contains("A. Petojević verified useful properties of the Kᵢ(z) functions");
    assertThat(byId.get("0704.0082").abstractText()).contains("nonlinear Schrödinger equation");
    assertThat(byId.get("0704.0039").abstractText())
        .contains("Recently, Ynduráin, using an Omnès representation");
  }
}
