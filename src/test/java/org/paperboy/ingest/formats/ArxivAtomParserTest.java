package org.paperboy.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paperboy.BadInputException;
import org.paperboy.ingest.PageInfo;
import org.paperboy.ingest.RecordSink;
import org.paperboy.paper.Links;
import org.paperboy.paper.Paper;

class ArxivAtomParserTest {
  private static final String DIR = "/fixtures/arxiv-api/";

  @Test
  void reads_an_old_style_id_with_its_version_dates_and_journal_ref() throws IOException {
    CollectingSink sink = parse("id_astro-ph_0601001_s0_m100_3150dca9dc76.xml");

    assertThat(sink.papers).hasSize(1);
    Paper p = sink.papers.get(0);
    assertThat(p.id()).isEqualTo("astro-ph/0601001");
    assertThat(p.version()).isEqualTo(1);
    assertThat(p.title())
        .isEqualTo(
            "Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit Surveys"
                + " Toward the Galactic Bulge and Carina");
    assertThat(p.categories()).containsExactly("astro-ph");
    assertThat(p.published()).isEqualTo(LocalDate.of(2006, 1, 2));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2006, 1, 2));
    assertThat(p.journalRef()).isEqualTo("ActaAstron.56:1-50,2006");
    assertThat(p.doi()).isNull();
    assertThat(p.comments()).startsWith("62 pages including 16 figures and 9 tables.");
    assertThat(p.sources()).containsExactly("arxiv-atom");
    assertThat(sink.lines).containsExactly(10L);
  }

  @Test
  void reads_authors_in_order_without_their_affiliations() throws IOException {
    Paper gould = parse("id_astro-ph_0601001_s0_m100_3150dca9dc76.xml").papers.get(0);
    assertThat(gould.authors())
        .containsExactly("Andrew Gould", "Susan Dorsher", "B. Scott Gaudi", "Andrzej Udalski");

    Paper proceedings = parse("id_1707.08567_s0_m100_6a1afebfc6a3.xml").papers.get(0);
    assertThat(proceedings.id()).isEqualTo("1707.08567");
    assertThat(proceedings.authors()).hasSize(34);
    assertThat(proceedings.authors().get(0)).isEqualTo("Kees A. Schouhamer Immink");
    assertThat(proceedings.authors().get(33)).isEqualTo("Hirosuke Yamamoto");
    // The API itself serves this name double-encoded; the parser passes it on as it is.
    assertThat(proceedings.authors()).contains("Dirk W\u00c3\u00bcbben");
  }

  @Test
  void trims_text_and_decodes_entities() throws IOException {
    Paper p = parse("id_astro-ph_0601001_s0_m100_3150dca9dc76.xml").papers.get(0);
    assertThat(p.abstractText()).startsWith("We derive the frequencies of hot Jupiters");
    assertThat(p.abstractText()).contains("Gould & Morgan (2003)", "V_max<17.5");
    assertThat(p.abstractText()).endsWith("to map this distribution in detail.");
  }

  @Test
  void puts_the_primary_category_first_and_keeps_the_others_once() throws IOException {
    Paper quantum = parse("id_quant-ph_0201082v1_s0_m100_86989fe779ef.xml").papers.get(0);
    assertThat(quantum.id()).isEqualTo("quant-ph/0201082");
    assertThat(quantum.categories()).containsExactly("quant-ph", "cs.PL");
    assertThat(quantum.authors()).containsExactly("Stephen Blaha");
    assertThat(quantum.published()).isEqualTo(LocalDate.of(2002, 1, 18));

    // The same record with its primary category listed last, as cross-lists can be.
    String reordered =
        fixture("id_1605.08386_s0_m100_199195aa31ad.xml")
            .replace(
                "<arxiv:primary_category term=\"math.CO\"/>",
                "<arxiv:primary_category term=\"math.ST\"/>");
    Paper heatBath = parse(reordered).papers.get(0);
    assertThat(heatBath.categories()).containsExactly("math.ST", "math.CO");
  }

  @Test
  void reads_doi_journal_ref_links_and_a_later_version_from_a_search_page() throws IOException {
    CollectingSink sink = parse("q_testing_s0_m10_bc5a6c384fe9.xml");

    assertThat(sink.papers).hasSize(10);
    assertThat(sink.rejects).isEmpty();
    Paper first = sink.papers.get(0);
    assertThat(first.id()).isEqualTo("2202.12139");
    assertThat(first.doi()).isEqualTo("10.1109/ICSTW55395.2022.00035");
    assertThat(first.categories()).containsExactly("cs.SE", "cs.LG");
    assertThat(first.authors())
        .containsExactly("Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker");
    assertThat(first.links())
        .isEqualTo(
            new Links(
                "https://arxiv.org/abs/2202.12139v1",
                "https://arxiv.org/pdf/2202.12139v1",
                null,
                null));

    Paper fuzzing = sink.papers.get(2);
    assertThat(fuzzing.id()).isEqualTo("2005.14124");
    assertThat(fuzzing.version()).isEqualTo(2);
    assertThat(fuzzing.title())
        .isEqualTo("Active Fuzzing for Testing and Securing Cyber-Physical Systems");
    assertThat(fuzzing.categories()).containsExactly("cs.SE", "cs.CR", "cs.LG");
    assertThat(fuzzing.published()).isEqualTo(LocalDate.of(2020, 5, 28));
    assertThat(fuzzing.updated()).isEqualTo(LocalDate.of(2020, 7, 16));
    assertThat(fuzzing.doi()).isEqualTo("10.1145/3395363.3397376");
    assertThat(fuzzing.authors()).hasSize(5).startsWith("Yuqi Chen").endsWith("Fan Zhang");

    assertThat(sink.lines).first().isEqualTo(10L);
    assertThat(sink.lines).element(1).isEqualTo(35L);
  }

  @ParameterizedTest
  @CsvSource({
    "q_testing_s0_m100_cfe7536492ca.xml, 100",
    "q_testing_s0_m15_80c242b59d59.xml, 15",
    "q_testing_s5_m15_bbcf6b23085b.xml, 15",
    "q_testing_s9_m15_0b78d4b4d476.xml, 15",
    "q_testing_s10_m10_34e56e15aaac.xml, 10",
    "q_testing_s50_m10_7f488ab8598c.xml, 10",
    "id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.xml, 1",
    "id_2104.12255v1_s0_m100_6ae69987ffe1.xml, 1",
  })
  void reads_every_entry_of_a_page(String file, int entries) throws IOException {
    CollectingSink sink = parse(file);
    assertThat(sink.papers).hasSize(entries);
    assertThat(sink.rejects).isEmpty();
    assertThat(sink.papers)
        .allSatisfy(
            p -> {
              assertThat(p.title()).isNotBlank();
              assertThat(p.abstractText()).isNotBlank();
              assertThat(p.authors()).isNotEmpty();
              assertThat(p.version()).isPositive();
              assertThat(p.categories()).isNotEmpty();
            });
  }

  @Test
  void reports_total_results_for_paging() throws IOException {
    assertThat(parse("q_testing_s40_m10_96dd32eb854c.xml").pages)
        .containsExactly(new PageInfo(214881L, null, null));
  }

  @Test
  void turns_the_api_error_feed_into_bad_input_with_its_message() {
    assertThatThrownBy(() -> parse("id_abc_s0_m100_b79c8dcf6bc3.xml"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("arXiv API error: incorrect id format for abc");
  }

  @Test
  void reads_nothing_from_a_feed_without_entries() throws IOException {
    for (String file :
        List.of(
            "id_0000.0000_s0_m100_8b51d9633a68.xml", "id_0808.05394_s0_m100_7b0c7d0a7cdd.xml")) {
      CollectingSink sink = parse(file);
      assertThat(sink.papers).isEmpty();
      assertThat(sink.rejects).isEmpty();
      assertThat(sink.pages).containsExactly(new PageInfo(0L, null, null));
    }
  }

  @Test
  void rejects_a_broken_entry_on_its_line_and_keeps_the_others() throws IOException {
    // Three entries of q_testing_s0_m10; the second one's <title> is closed by a misspelt tag.
    String feed =
        """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
          <opensearch:totalResults>214881</opensearch:totalResults>
          <entry>
            <id>http://arxiv.org/abs/2202.12139v1</id>
            <title>Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques</title>
            <summary>Deep Learning (DL) has revolutionized the capabilities of vision-based systems.</summary>
            <arxiv:primary_category term="cs.SE"/>
            <author><name>Mohit Kumar Ahuja</name></author>
          </entry>
          <entry>
            <id>http://arxiv.org/abs/2405.13786v1</id>
            <title>Towards Explainable Test Case Prioritisation with Learning-to-Rank Models</titel>
            <summary>Explainability of machine learning models is gaining attention.</summary>
            <author><name>Aurora Ram\u00edrez</name></author>
          </entry>
          <entry>
            <id>http://arxiv.org/abs/2005.14124v2</id>
            <title>Active Fuzzing for Testing and Securing Cyber-Physical Systems</title>
            <summary>Cyber-physical systems (CPSs) in critical infrastructure face a pervasive threat.</summary>
            <author><name>Yuqi Chen</name></author>
          </entry>
        </feed>
        """;
    CollectingSink sink = parse(feed);

    assertThat(sink.papers).extracting(Paper::id).containsExactly("2202.12139", "2005.14124");
    assertThat(sink.lines).containsExactly(4L, 17L);
    assertThat(sink.rejects).hasSize(1);
    assertThat(sink.rejects.get(0).line()).isEqualTo(11);
    assertThat(sink.rejects.get(0).reason())
        .isEqualTo(
            "<entry> is not well-formed at line 13: The element type \"title\" must be"
                + " terminated by the matching end-tag \"</title>\".");
  }

  @Test
  void rejects_an_entry_left_open_and_reads_the_next_one() throws IOException {
    String feed =
        FEED_START
            + ENTRY.replace("</entry>", "") // line 3, never closed
            + ENTRY.replace("2104.12255v1", "1605.08386v1") // line 4
            + "</feed>\n";
    CollectingSink sink = parse(feed);

    assertThat(sink.papers).extracting(Paper::id).containsExactly("1605.08386");
    assertThat(sink.lines).containsExactly(4L);
    assertThat(sink.rejects)
        .containsExactly(
            new CollectingSink.Reject(
                3,
                "<entry> is not well-formed: it has no closing </entry> before the <entry> on line 4"));
  }

  @Test
  void rejects_an_entry_whose_start_tag_is_broken_and_one_without_an_arxiv_id() throws IOException {
    String feed =
        FEED_START
            + ENTRY.replace("<entry>", "<entr>") // line 3
            + ENTRY.replace("http://arxiv.org/abs/2104.12255v1", "urn:x-junk:42") // line 4
            + ENTRY.replace("2104.12255v1", "1605.08386v1") // line 5
            + "</feed>\n";
    CollectingSink sink = parse(feed);

    assertThat(sink.papers).extracting(Paper::id).containsExactly("1605.08386");
    assertThat(sink.rejects)
        .containsExactly(
            new CollectingSink.Reject(
                3,
                "<entry> is not well-formed: </entry> on line 3 closes no"
                    + " <entry>: the start of this record is broken"),
            new CollectingSink.Reject(
                4, "<entry> has an <id> that is not an arXiv id: 'urn:x-junk:42'"));
  }

  @Test
  void does_not_mistake_entries_in_comments_or_cdata_for_records() throws IOException {
    String feed =
        FEED_START
            + "<!-- an old <entry><id>http://arxiv.org/abs/0704.0001v1</id></entry> -->\n"
            + "<subtitle><![CDATA[<entry>not one</entry>]]></subtitle>\n"
            + ENTRY // line 5
            + "</feed>\n";
    CollectingSink sink = parse(feed);

    assertThat(sink.papers).extracting(Paper::id).containsExactly("2104.12255");
    assertThat(sink.lines).containsExactly(5L);
    assertThat(sink.rejects).isEmpty();
  }

  @Test
  void counts_lines_of_a_crlf_file_with_a_byte_order_mark_like_any_other() throws IOException {
    String feed =
        "\uFEFF"
            + (FEED_START
                    + "\n"
                    + ENTRY
                    + "\n"
                    + ENTRY.replace("<title>", "<title>\n<b>")
                    + ENTRY.replace("2104.12255v1", "1605.08386v1")
                    + "</feed>\n")
                .replace("\n", "\r\n");
    CollectingSink sink = parse(feed);

    assertThat(sink.papers).extracting(Paper::id).containsExactly("2104.12255", "1605.08386");
    assertThat(sink.lines).containsExactly(4L, 8L);
    assertThat(sink.rejects)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.line()).isEqualTo(6);
              assertThat(r.reason()).startsWith("<entry> is not well-formed at line 7: ");
            });
  }

  @Test
  void rejects_an_entry_cut_off_by_the_end_of_the_input() throws IOException {
    String whole = fixture("q_testing_s0_m10_bc5a6c384fe9.xml");
    String cut = whole.substring(0, whole.indexOf("</entry>", whole.indexOf("2405.13786")) - 20);
    CollectingSink sink = parse(cut);

    assertThat(sink.papers).extracting(Paper::id).containsExactly("2202.12139");
    assertThat(sink.rejects)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.line()).isEqualTo(35);
              assertThat(r.reason()).contains("the input ends before its closing </entry>");
            });
  }

  @Test
  void reads_invalid_utf8_bytes_as_replacement_characters() throws IOException {
    byte[] feed =
        fixture("id_2104.12255v1_s0_m100_6ae69987ffe1.xml")
            .replace("<title>0</title>", "<title>0 \u0001 @@</title>")
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String text = new String(feed, StandardCharsets.UTF_8);
    int at = text.indexOf("@@");
    out.write(feed, 0, at);
    out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}); // not UTF-8
    out.write(feed, at + 2, feed.length - at - 2);

    CollectingSink sink = new CollectingSink();
    new ArxivAtomParser().parse(new ByteArrayInputStream(out.toByteArray()), "bytes", sink);

    assertThat(sink.rejects).isEmpty();
    assertThat(sink.papers)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo("2104.12255");
              assertThat(p.title()).isEqualTo("0 \uFFFD \uFFFD(\uFFFD");
            });
  }

  @Test
  void never_resolves_external_entities() throws IOException {
    String feed =
        """
        <?xml version="1.0"?>
        <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <entry>
            <id>http://arxiv.org/abs/2104.12255v1</id>
            <title>&secret;</title>
            <summary>What is the funniest number in cryptography?</summary>
          </entry>
        </feed>
        """;
    CollectingSink sink = parse(feed);
    assertThat(sink.papers).isEmpty();
    assertThat(sink.rejects)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.line()).isEqualTo(4);
              assertThat(r.reason()).contains("secret").doesNotContain("root:");
            });
  }

  @Test
  void refuses_what_is_not_an_atom_feed() {
    String html = "<html><body>\n<h1>Retry after 10 seconds</h1>\n</body></html>\n";
    assertThatThrownBy(() -> parse(html))
        .isInstanceOf(BadInputException.class)
        .hasMessage("test.xml is not an arXiv API Atom feed: its root element is <html>");
    assertThatThrownBy(() -> parse("{\"not\": \"xml\"}"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("holds no XML element");
  }

  @Test
  void streams_an_endless_feed_without_reading_it_all_first() {
    String entry = fixture("id_1605.08386_s0_m100_199195aa31ad.xml");
    String head = entry.substring(0, entry.indexOf("<entry>"));
    String body = entry.substring(entry.indexOf("<entry>"), entry.indexOf("</feed>"));
    Iterator<InputStream> endless =
        Stream.concat(Stream.of(head), Stream.generate(() -> body))
            .map(s -> (InputStream) new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)))
            .iterator();
    Enumeration<InputStream> parts =
        new Enumeration<>() {
          @Override
          public boolean hasMoreElements() {
            return endless.hasNext();
          }

          @Override
          public InputStream nextElement() {
            return endless.next();
          }
        };
    CollectingSink sink = new CollectingSink();
    sink.stopAfter = 3_000;

    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThatThrownBy(
                    () ->
                        new ArxivAtomParser()
                            .parse(new SequenceInputStream(parts), "endless", sink))
                .isInstanceOf(Enough.class));
    assertThat(sink.papers).hasSize(3_000);
    assertThat(sink.lines.get(1) - sink.lines.get(0)).isEqualTo(body.lines().count());
  }

  // --- a real entry (2104.12255) on one line, for hand-made feeds

  /** Lines 1 and 2 of a feed. */
  private static final String FEED_START =
      "<?xml version='1.0' encoding='UTF-8'?>\n"
          + "<feed xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">\n";

  private static final String ENTRY =
      "<entry><id>http://arxiv.org/abs/2104.12255v1</id><title>0</title>"
          + "<summary>What is the funniest number in cryptography? 0.</summary>"
          + "<arxiv:primary_category term=\"cs.CR\"/><author><name>Quan Thoi Minh Nguyen</name></author>"
          + "</entry>\n";

  // --- helpers

  private static CollectingSink parse(String fileOrXml) throws IOException {
    String xml = fileOrXml.endsWith(".xml") ? fixture(fileOrXml) : fileOrXml;
    CollectingSink sink = new CollectingSink();
    new ArxivAtomParser()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml", sink);
    return sink;
  }

  private static String fixture(String name) {
    try (InputStream in = ArxivAtomParserTest.class.getResourceAsStream(DIR + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Enough extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** Records what a parser hands over; builds each paper to check it is complete. */
  private static final class CollectingSink implements RecordSink {
    record Reject(long line, String reason) {}

    final List<Paper> papers = new ArrayList<>();
    final List<Long> lines = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();
    final List<PageInfo> pages = new ArrayList<>();
    int stopAfter = Integer.MAX_VALUE;

    @Override
    public void accept(Paper.Builder paper, long line) {
      papers.add(paper.build());
      lines.add(line);
      if (papers.size() >= stopAfter) throw new Enough();
    }

    @Override
    public void reject(long line, String reason) {
      rejects.add(new Reject(line, reason));
    }

    @Override
    public void page(PageInfo info) {
      pages.add(info);
    }
  }
}
