package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class PaperAnalyzerTest {
  private final Analyzer analyzer = new PaperAnalyzer();

  private List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  @Test
  void keeps_acronyms_whole_and_folds_their_plural() {
    assertThat(terms("MLLMs")).containsExactly("mllm");
    assertThat(terms("MLLM")).containsExactly("mllm");
    assertThat(terms("LVLMs and VLMs")).containsExactly("lvlm", "vlm");
    assertThat(terms("LLaVA")).containsExactly("llava");
  }

  @Test
  void an_acronym_that_stemming_would_change_also_matches_its_lower_case_spelling() {
    assertThat(terms("ROUGE")).containsExactlyInAnyOrder("rouge", "roug");
    assertThat(terms("rouge")).containsExactly("roug");
  }

  @Test
  void stems_ordinary_english_words() {
    assertThat(terms("Models trained on images")).containsExactly("model", "train", "imag");
  }

  @Test
  void hyphenated_and_joined_spellings_meet() {
    assertThat(terms("multimodal")).containsExactly("multimod");
    assertThat(terms("multi-modal")).containsExactly("multimod", "multi", "modal");
    assertThat(terms("vision-language")).contains("vision", "languag");
  }

  @Test
  void survives_symbols_emoji_and_other_scripts() {
    assertThat(terms("C++ what? 🚀 视觉语言模型 AND the")).contains("c", "what");
    assertThat(terms("")).isEmpty();
    assertThat(terms("the of and")).isEmpty();
  }
}
