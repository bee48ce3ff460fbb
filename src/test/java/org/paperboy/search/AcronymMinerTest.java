package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.Paper;
import org.paperboy.search.AcronymMiner.Definition;

class AcronymMinerTest {

  @Test
  void finds_a_long_form_before_a_plural_acronym() {
    assertThat(AcronymMiner.mine("Recent Multimodal Large Language Models (MLLMs) excel at VQA."))
        .containsExactly(new Definition("MLLM", "multimodal large language model"));
  }

  @Test
  void finds_letters_inside_hyphenated_words_and_spells_multi_modal_one_way() {
    assertThat(AcronymMiner.mine("hallucination in Large Vision-Language Models (LVLMs), and"))
        .containsExactly(new Definition("LVLM", "large vision language model"));
    assertThat(
            AcronymMiner.mine(
                "The emergence of Multi-modal Large Language Models (MLLMs; see [3])"))
        .containsExactly(new Definition("MLLM", "multimodal large language model"));
  }

  @Test
  void ignores_parentheses_that_define_nothing() {
    assertThat(
            AcronymMiner.mine("accuracy improves (Table 2) and models (GPT) are big (see Fig. 3)"))
        .isEmpty();
  }

  @Test
  void a_query_word_is_an_acronym_only_when_typed_like_one() {
    assertThat(List.of("MLLM", "MLLMs", "mllm", "llms", "LoRA"))
        .allMatch(LexicalQueries::typedAsAcronym);
    assertThat(List.of("can", "ad", "is", "a", "models", "2024"))
        .noneMatch(LexicalQueries::typedAsAcronym);
  }

  @Test
  void the_listing_teaches_both_readings_of_mllm_with_counts() {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (Paper p : TestCorpus.mllmListing()) {
      for (Definition d : AcronymMiner.mine(p.title() + ". " + p.abstractText())) {
        counts
            .computeIfAbsent(d.shortForm(), k -> new HashMap<>())
            .merge(d.longForm(), 1, Integer::sum);
      }
    }
    AcronymLexicon lexicon = AcronymLexicon.of(counts);
    Acronym mllm = lexicon.lookup("mllms").orElseThrow();
    assertThat(mllm.readings().get(0).longForm()).isEqualTo("multimodal large language model");
    assertThat(mllm.readings().get(0).papers()).isGreaterThan(100);
    assertThat(mllm.readings())
        .extracting(Acronym.Reading::longForm)
        .contains("multilingual large language model");
    assertThat(mllm.ambiguous()).isTrue();
    assertThat(lexicon.lookup("LVLM").orElseThrow().readings().get(0).longForm())
        .isEqualTo("large vision language model");
    assertThat(lexicon.lookup("VLM").orElseThrow().readings().get(0).longForm())
        .isEqualTo("vision language model");
    assertThat(lexicon.lookup("MLM").orElseThrow().readings())
        .extracting(Acronym.Reading::longForm)
        .contains("masked language model");
  }
}
