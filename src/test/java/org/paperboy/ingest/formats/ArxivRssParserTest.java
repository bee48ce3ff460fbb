package org.paperboy.ingest.formats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.ingest.text.Normalizer;
import org.paperboy.paper.Links;
import org.paperboy.paper.Paper;

class ArxivRssParserTest {

  private static TextParsersTestSink parseFixture(String name) {
    return TextParsersTestSink.parse(new ArxivRssParser(), "rss/" + name);
  }

  /** A feed around the given items, shaped like rss.arxiv.org's. */
  private static String feed(String... items) {
    return """
        <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
          <channel>
            <title>cs.AI updates on arXiv.org</title>
        """
        + String.join("\n", items)
        + "\n  </channel>\n</rss>\n";
  }

  private static String item(String id, int version, String type, String description) {
    return """
            <item>
              <title>A Title</title>
              <link>https://arxiv.org/abs/%1$s</link>
              <description>arXiv:%1$sv%2$d Announce Type: %3$s
        Abstract: %4$s</description>
              <guid isPermaLink="false">oai:arXiv.org:%1$sv%2$d</guid>
              <category>cs.AI</category>
              <pubDate>Tue, 28 Apr 2026 00:00:00 -0400</pubDate>
              <arxiv:announce_type>%3$s</arxiv:announce_type>
              <dc:creator>Ada Lovelace, Alan Turing and Grace Hopper</dc:creator>
            </item>"""
        .formatted(id, version, type, description);
  }

  private static TextParsersTestSink parse(String xml) {
    return TextParsersTestSink.parse(new ArxivRssParser(), xml.getBytes(UTF_8));
  }

  @Test
  void reads_three_items_from_each_real_feed() {
    for (String name : new String[] {"arxiv_cs_ai.xml", "arxiv_cs_cl.xml", "arxiv_cs_lg.xml"}) {
      TextParsersTestSink sink = parseFixture(name);

      assertThat(sink.rejected).as(name).isEmpty();
      assertThat(sink.accepted).as(name).hasSize(3);
      assertThat(sink.papers())
          .allSatisfy(p -> assertThat(p.sources()).containsExactly("arxiv-rss"));
    }
  }

  @Test
  void reads_the_fields_of_an_item_exactly() {
    TextParsersTestSink sink = parseFixture("arxiv_cs_ai.xml");
    Paper p = sink.paper("2604.21935");

    assertThat(sink.accepted.get(0).line()).isEqualTo(16);
    assertThat(p.version()).isEqualTo(1);
    assertThat(p.title())
        .isEqualTo("Math Takes Two: A test for emergent mathematical reasoning in communication");
    assertThat(p.abstractText())
        .startsWith("Although language models demonstrate remarkable proficiency")
        .endsWith("models with emergent numerical reasoning capabilities.")
        .doesNotContain("Announce Type", "arXiv:2604");
    assertThat(p.authors()).containsExactly("Michael Cooper", "Samuel Cooper");
    assertThat(p.categories()).containsExactly("cs.AI", "cs.LG");
    assertThat(p.published()).isEqualTo(LocalDate.of(2026, 4, 27));
    assertThat(p.updated()).isNull();
    assertThat(p.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
    assertThat(p.links())
        .isEqualTo(
            new Links(
                "https://arxiv.org/abs/2604.21935",
                "https://arxiv.org/pdf/2604.21935",
                null,
                null));
  }

  @Test
  void splits_creators_and_keeps_long_author_lists_in_order() {
    Paper many = parseFixture("arxiv_cs_ai.xml").paper("2604.21936");
    assertThat(many.authors()).hasSize(18).startsWith("Lianrui Zuo").endsWith("Bennett A. Landman");
    // TeX is left for the Normalizer, which the pipeline runs on every record
    assertThat(many.abstractText()).contains("\\textbf{adaptability}");

    // a single-name author between double spaces, as in the real cs.CL feed
    Paper mononym = parseFixture("arxiv_cs_cl.xml").paper("2604.22002");
    assertThat(mononym.authors())
        .containsExactly("Anamta Khan", "Ratna Kandala", "Deepti", "Sheza Munir", "Joyojeet Pal");
    assertThat(mononym.license()).isEqualTo("http://creativecommons.org/licenses/by-nc-sa/4.0/");
  }

  @Test
  void keeps_categories_primary_first_and_decodes_entities() {
    Paper p = parseFixture("arxiv_cs_lg.xml").paper("2604.21952");

    assertThat(p.categories()).containsExactly("cs.LG", "cs.AI", "cs.AR", "cs.NE", "cs.RO");
    assertThat(p.primaryCategory()).isEqualTo("cs.LG");
    assertThat(p.abstractText()).contains("visual resolution & stride");
  }

  @Test
  void puts_the_date_of_a_replacement_into_updated() {
    TextParsersTestSink sink =
        parse(feed(item("2401.01234", 3, "replace", "Old paper, new version.")));

    Paper p = sink.paper("2401.01234");
    assertThat(p.version()).isEqualTo(3);
    assertThat(p.updated()).isEqualTo(LocalDate.of(2026, 4, 28));
    assertThat(p.published()).isNull();
    assertThat(p.authors()).containsExactly("Ada Lovelace", "Alan Turing", "Grace Hopper");
  }

  @Test
  void strips_html_from_the_description() {
    String html =
        "&lt;p&gt;We show that &lt;i&gt;x&lt;/i&gt; &amp;amp; y hold.&lt;/p&gt;&lt;p&gt;Next.&lt;/p&gt;";

    Paper p = parse(feed(item("2401.01234", 1, "new", html))).paper("2401.01234");

    assertThat(Normalizer.text(p.abstractText())).isEqualTo("We show that x & y hold. Next.");
  }

  @Test
  void finds_the_id_and_version_in_a_description_wrapped_in_html() {
    String wrapped =
        "<item><title>T</title><description>&lt;p&gt;arXiv:2401.01234v2 Announce Type: replace"
            + " Abstract: Text.&lt;/p&gt;</description></item>";

    Paper p = parse(feed(wrapped)).paper("2401.01234");

    assertThat(p.version()).isEqualTo(2);
    assertThat(p.abstractText()).isEqualTo("Text.");
  }

  @Test
  void rejects_an_item_without_an_arxiv_id_and_reads_on() {
    String noId = "<item><title>Lost</title><description>no id here</description></item>";

    TextParsersTestSink sink = parse(feed(noId, item("2401.01234", 1, "new", "Fine.")));

    assertThat(sink.papers()).extracting(Paper::id).containsExactly("2401.01234");
    assertThat(sink.rejected).hasSize(1);
    assertThat(sink.rejected.get(0).line()).isEqualTo(4);
    assertThat(sink.rejected.get(0).reason())
        .isEqualTo("<item> item 'Lost' has no arXiv id in its link, guid or description");
  }

  @Test
  void rejects_a_malformed_item_on_its_line_and_keeps_the_items_after_it() {
    String broken = "<item><title>Broken <b>unclosed</title></item>";

    TextParsersTestSink sink =
        parse(
            feed(
                item("2401.01234", 1, "new", "Fine."),
                broken,
                item("2401.05678", 1, "new", "Also fine.")));

    assertThat(sink.papers()).extracting(Paper::id).containsExactly("2401.01234", "2401.05678");
    assertThat(sink.rejected).hasSize(1);
    assertThat(sink.rejected.get(0).line()).isEqualTo(15);
    assertThat(sink.rejected.get(0).reason()).startsWith("<item> ").contains("not well-formed");
  }

  @Test
  void survives_invalid_utf8_bytes() throws Exception {
    String xml = feed(item("2401.01234", 1, "new", "Caf@ latte."));
    int at = xml.indexOf('@');
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(xml.substring(0, at).getBytes(UTF_8));
    bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    bytes.write(xml.substring(at + 1).getBytes(UTF_8));

    TextParsersTestSink sink = TextParsersTestSink.parse(new ArxivRssParser(), bytes.toByteArray());

    assertThat(sink.rejected).isEmpty();
    assertThat(sink.paper("2401.01234").abstractText()).isEqualTo("Caf\uFFFD( latte.");
  }

  @Test
  void does_not_read_files_named_by_external_entities(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + feed(item("2401.01234", 1, "new", "&xxe;"));

    TextParsersTestSink sink = parse(xml);

    assertThat(sink.papers()).noneMatch(p -> p.abstractText().contains("TOP-SECRET"));
    assertThat(sink.rejected).hasSize(1);
    assertThat(sink.rejected.get(0).reason()).contains("xxe");
  }
}
