package org.paperboy.embed;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our tokenizer against the Hugging Face one (Rust, through DJL) that langchain4j runs. */
class WordPieceTokenizerTest {
  private static final String JSON = "/bge-small-en-v1.5-q-tokenizer.json";
  private static WordPieceTokenizer ours;
  private static HuggingFaceTokenizer reference;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream a = WordPieceTokenizerTest.class.getResourceAsStream(JSON);
        InputStream b = WordPieceTokenizerTest.class.getResourceAsStream(JSON)) {
      ours = WordPieceTokenizer.fromTokenizerJson(a);
      reference =
          HuggingFaceTokenizer.newInstance(b, Map.of("padding", "false", "truncation", "false"));
    }
  }

  @AfterAll
  static void close() {
    reference.close();
  }

  @Test
  void gives_the_reference_ids_for_tricky_text() {
    List<String> texts =
        List.of(
            "Multimodal Large Language Models (MLLMs) vs. LVLMs, e.g. GPT-4V!",
            "Schrödinger's café: a naïve Ångström-scale résumé",
            "We bound $\\mathcal{O}(n^2)$ with $\\alpha$-stable laws & <b>tags</b> 50% ~ $3",
            "BERT predicts the [MASK] token; [CLS] and [SEP]  frame it.[UNK]",
            "中文的模型 and 日本語 mixed with 한국어 text",
            "emoji 🚀🤖 and math ∑ ≤ ∞ and Greek ΣΑΣ αβγ",
            "tabs\tnew\nlines\r\nnbsp\u00a0thin\u2009zero\u200bwidth\u200djoiner\u0007bell",
            "pneumonoultramicroscopicsilicovolcanoconiosis" + "x".repeat(80),
            "İstanbul ŞİŞLİ ﬁne ligature Ⅻ ½",
            "",
            "   ");
    for (String text : texts) {
      assertThat(ours.encode(text, 100_000)).as(text).containsExactly(reference(text));
    }
  }

  @Test
  void gives_the_reference_ids_for_real_abstracts() {
    for (String text : Fixtures.paperTexts()) {
      assertThat(ours.encode(text, 100_000)).as(text).containsExactly(reference(text));
    }
  }

  @Test
  void truncates_to_the_limit_and_keeps_the_closing_separator() {
    String text = "word ".repeat(1000);
    int[] ids = ours.encode(text, 512);
    int[] full = reference(text);
    assertThat(ids).hasSize(512);
    assertThat(Arrays.copyOf(ids, 511)).containsExactly(Arrays.copyOf(full, 511));
    assertThat(ids[511]).isEqualTo(full[full.length - 1]);
  }

  private static int[] reference(String text) {
    return Arrays.stream(reference.encode(text, true, false).getIds())
        .mapToInt(l -> (int) l)
        .toArray();
  }
}
