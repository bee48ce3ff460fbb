package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {
  private static List<int[]> at(String text, String... words) {
    List<int[]> out = new ArrayList<>();
    for (int t = 0; t < words.length; t++) {
      for (int i = text.indexOf(words[t]); i >= 0; i = text.indexOf(words[t], i + 1)) {
        out.add(new int[] {i, i + words[t].length(), t});
      }
    }
    return out;
  }

  @Test
  void picks_the_sentences_with_most_distinct_terms_in_text_order() {
    String text =
        "Speech is hard. Nothing here. Speech models use a transformer. More filler. A transformer again.";
    String s = Snippets.highlight(text, at(text, "Speech", "transformer"));
    assertThat(s)
        .isEqualTo(
            "Speech is hard. … <mark>Speech</mark> models use a <mark>transformer</mark>."
                .replace("Speech is hard.", "<mark>Speech</mark> is hard."));
  }

  @Test
  void adjacent_sentences_join_without_an_ellipsis_and_text_is_escaped() {
    String text = "A <b>model</b> & more. The model wins.";
    String s = Snippets.highlight(text, at(text, "model"));
    assertThat(s)
        .isEqualTo(
            "A &lt;b&gt;<mark>model</mark>&lt;/b&gt; &amp; more. The <mark>model</mark> wins.");
  }

  @Test
  void overlapping_matches_are_marked_once() {
    String text = "A multi-modal model.";
    List<int[]> m =
        new ArrayList<>(List.of(new int[] {2, 13, 0}, new int[] {2, 7, 1}, new int[] {8, 13, 2}));
    assertThat(Snippets.highlight(text, m)).isEqualTo("A <mark>multi-modal</mark> model.");
    assertThat(Snippets.highlight(text, new ArrayList<>())).isNull();
  }
}
