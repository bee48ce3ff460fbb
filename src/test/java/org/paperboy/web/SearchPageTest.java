package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchPageTest {
  @Test
  void an_acronym_reading_replaces_the_acronym_and_keeps_the_rest_of_the_query() {
    assertThat(SearchPage.refine("MLLM hallucination", "MLLM", "multimodal large language model"))
        .isEqualTo("\"multimodal large language model\" hallucination");
    assertThat(SearchPage.refine("mllms for -audio", "MLLM", "multilingual large language model"))
        .isEqualTo("\"multilingual large language model\" for -audio");
    assertThat(SearchPage.refine("XMLLM tools", "MLLM", "multimodal large language model"))
        .isEqualTo("XMLLM tools \"multimodal large language model\"");
  }
}
