package org.paperboy.ingest.formats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.Paper;
import org.paperboy.paper.TitleKey;

class ListingParserTest {
  private static final String FIXTURE = "listing/mllm-search-listing.txt";
  private static final String ABSTRACT = "An abstract line long enough to be one. ".repeat(6);

  private static TextParsersTestSink parse(String text) {
    return TextParsersTestSink.parse(new ListingParser(), text.getBytes(UTF_8));
  }

  @Test
  void reads_all_203_papers_and_skips_the_banner_lines() {
    TextParsersTestSink sink = TextParsersTestSink.parse(new ListingParser(), FIXTURE);

    assertThat(sink.rejected).isEmpty();
    assertThat(sink.accepted).hasSize(203);
    assertThat(sink.papers()).noneMatch(p -> p.title().startsWith("Get trending papers"));
    assertThat(sink.papers()).allSatisfy(p -> assertThat(p.sources()).containsExactly("listing"));
  }

  @Test
  void strips_subscribe_glued_to_the_first_title() {
    TextParsersTestSink sink = TextParsersTestSink.parse(new ListingParser(), FIXTURE);

    Paper first = sink.papers().get(0);
    assertThat(first.title())
        .isEqualTo("Learning Better Masking for Better Language Model Pre-training");
    assertThat(first.abstractText())
        .startsWith(
            "Masked Language Modeling (MLM) has been widely used as the denoising objective");
    assertThat(sink.accepted.get(0).line()).isEqualTo(3);
  }

  @Test
  void pairs_each_title_with_the_abstract_after_it() {
    TextParsersTestSink sink = TextParsersTestSink.parse(new ListingParser(), FIXTURE);

    Paper second = sink.papers().get(1);
    assertThat(second.title())
        .isEqualTo(
            "Mipha: A Comprehensive Overhaul of Multimodal Assistant with Small Language Models");
    assertThat(sink.accepted.get(1).line()).isEqualTo(5);

    Paper last = sink.papers().get(202);
    assertThat(last.title())
        .isEqualTo(
            "Mutual Enhancement of Large and Small Language Models with Cross-Silo Knowledge Transfer");
    assertThat(sink.accepted.get(202).line()).isEqualTo(407);
  }

  @Test
  void derives_stable_ids_from_titles() {
    TextParsersTestSink once = TextParsersTestSink.parse(new ListingParser(), FIXTURE);
    TextParsersTestSink twice = TextParsersTestSink.parse(new ListingParser(), FIXTURE);

    Paper first = once.papers().get(0);
    assertThat(first.id()).isEqualTo(TitleKey.idFor(first.title()));
    assertThat(first.hasArxivId()).isFalse();
    assertThat(once.papers())
        .extracting(Paper::id)
        .isEqualTo(twice.papers().stream().map(Paper::id).toList());
  }

  @Test
  void skips_any_banner_and_blank_lines_without_knowing_their_text() {
    TextParsersTestSink sink =
        parse(
            "Welcome to the listing\n\nAnother banner, no exclamation mark\n\nA Title\n\n"
                + ABSTRACT
                + "\n");

    assertThat(sink.rejected).isEmpty();
    assertThat(sink.papers()).extracting(Paper::title).containsExactly("A Title");
    assertThat(sink.accepted.get(0).line()).isEqualTo(5);
  }

  @Test
  void rejects_a_title_without_an_abstract_after_the_first_paper() {
    TextParsersTestSink sink =
        parse(
            "Title One\n" + ABSTRACT + "\nOrphan Title\nTitle Two\n" + ABSTRACT + "\nLoad more\n");

    assertThat(sink.papers()).extracting(Paper::title).containsExactly("Title One", "Title Two");
    assertThat(sink.rejected)
        .extracting(TextParsersTestSink.Rejected::line)
        .containsExactly(3L, 6L);
    assertThat(sink.rejected.get(0).reason())
        .isEqualTo("a title line with no abstract line after it: 'Orphan Title'");
  }

  @Test
  void rejects_an_abstract_without_a_title() {
    TextParsersTestSink sink =
        parse("Title One\n" + ABSTRACT + "\n" + ABSTRACT + "\nTitle Two\n" + ABSTRACT);

    assertThat(sink.papers()).extracting(Paper::title).containsExactly("Title One", "Title Two");
    assertThat(sink.rejected).extracting(TextParsersTestSink.Rejected::line).containsExactly(3L);
    assertThat(sink.rejected.get(0).reason())
        .startsWith("an abstract line with no title line before it");
  }

  @Test
  void keeps_a_title_that_merely_starts_with_subscribe() {
    assertThat(ListingParser.unglueSubscribe("Subscribers and Churn"))
        .isEqualTo("Subscribers and Churn");
    assertThat(ListingParser.unglueSubscribe("Subscribe to Nothing"))
        .isEqualTo("Subscribe to Nothing");
    assertThat(ListingParser.unglueSubscribe("SubscribeGPT-4 at Work")).isEqualTo("GPT-4 at Work");
  }

  @Test
  void survives_invalid_utf8_bytes() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write("Caf".getBytes(UTF_8));
    file.write(new byte[] {(byte) 0xE9, (byte) 0x80});
    file.write((" Title\n" + ABSTRACT + "\n").getBytes(UTF_8));

    TextParsersTestSink sink = TextParsersTestSink.parse(new ListingParser(), file.toByteArray());

    assertThat(sink.papers()).extracting(Paper::title).containsExactly("Caf\uFFFD Title");
  }
}
