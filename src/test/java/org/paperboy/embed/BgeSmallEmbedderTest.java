package org.paperboy.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BgeSmallEmbedderTest {
  private static final String MLLM =
      BgeSmallEmbedder.paperText(
          "Visual token pruning for vision-language models",
          "Large vision-language models (LVLMs) process hundreds of image tokens. We prune"
              + " redundant visual tokens before the language model and keep accuracy on VQA.");
  private static final String PHYSICS =
      BgeSmallEmbedder.paperText(
          "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
          "A fully differential calculation in perturbative quantum chromodynamics is presented"
              + " for the production of massive photon pairs at hadron colliders.");
  private static final String SHORT = "Masked language modeling.";

  private static BgeSmallEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = BgeSmallEmbedder.create();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void gives_unit_vectors_of_384_dimensions() {
    float[][] vectors = embedder.embedDocuments(List.of(MLLM, SHORT));
    assertThat(embedder.dimensions()).isEqualTo(384);
    assertThat(vectors).hasDimensions(2, 384);
    for (float[] v : vectors) {
      assertThat(dot(v, v)).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void puts_a_query_closer_to_a_relevant_abstract_than_to_an_unrelated_one() {
    float[][] docs = embedder.embedDocuments(List.of(MLLM, PHYSICS));
    float[] query = embedder.embedQueries(List.of("multimodal large language models"))[0];
    assertThat(dot(query, docs[0])).isGreaterThan(dot(query, docs[1]) + 0.1);
  }

  @Test
  void gives_the_same_vectors_as_langchain4j() {
    var library = new BgeSmallEnV15QuantizedEmbeddingModel();
    // One text per call, as the library embeds them: batch mates would move the vector a little
    // (see the batch test below), and here we compare tokenizer, pooling and normalisation.
    for (String text : List.of(MLLM, PHYSICS, SHORT)) {
      float[] ours = embedder.embedDocuments(List.of(text))[0];
      float[] theirs = library.embed(text).content().vector();
      assertThat(dot(ours, theirs)).as(text).isGreaterThan(0.999);
    }
    float[] query = embedder.embedQueries(List.of("visual token reduction"))[0];
    float[] theirs =
        library
            .embed(BgeSmallEmbedder.QUERY_INSTRUCTION + "visual token reduction")
            .content()
            .vector();
    assertThat(dot(query, theirs)).isGreaterThan(0.999);
  }

  @Test
  void truncates_a_long_text_at_the_model_limit() {
    String head = MLLM.repeat(20); // about 800 tokens
    float[][] vectors = embedder.embedDocuments(List.of(head, head + " " + PHYSICS.repeat(50)));
    assertThat(dot(vectors[0], vectors[0])).isCloseTo(1.0, within(1e-5));
    // Everything past the limit is cut off, so it cannot change the vector.
    assertThat(dot(vectors[0], vectors[1])).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void embeds_an_empty_list_into_no_vectors() {
    assertThat(embedder.embedDocuments(List.of())).isEmpty();
    assertThat(embedder.embedQueries(List.of())).isEmpty();
  }

  @Test
  void gives_the_same_vectors_in_mixed_length_batches_as_one_by_one() {
    List<String> texts = List.of(SHORT, MLLM, "", PHYSICS, "LVLM", MLLM + " " + PHYSICS);
    List<Integer> done = new ArrayList<>();
    float[][] batched;
    try (BgeSmallEmbedder smallBatches = BgeSmallEmbedder.create(2, 4, 8192)) {
      batched = smallBatches.embedDocuments(texts, (n, total) -> done.add(n));
    }
    for (int i = 0; i < texts.size(); i++) {
      float[] alone = embedder.embedDocuments(List.of(texts.get(i)))[0];
      // The model quantises its int8 activations with one scale per batch tensor, so batch mates
      // move a vector a little: cosine 0.998 on average, 0.993 at worst over 96 real abstracts.
      assertThat(dot(batched[i], alone)).as(texts.get(i)).isGreaterThan(0.99);
    }
    assertThat(done).containsExactly(4, 6);
  }

  @Test
  void runs_a_long_text_alone_so_its_vector_does_not_depend_on_the_others() {
    String abstractLength = MLLM.repeat(6); // about 300 tokens: more than half the batch budget
    float[] alone = embedder.embedDocuments(List.of(abstractLength))[0];
    float[] amongOthers = embedder.embedDocuments(List.of(SHORT, abstractLength, PHYSICS))[1];
    assertThat(amongOthers).containsExactly(alone);
  }

  @Test
  void joins_title_and_abstract_into_one_passage() {
    assertThat(BgeSmallEmbedder.paperText(" A title ", "An abstract. "))
        .isEqualTo("A title. An abstract.");
    assertThat(BgeSmallEmbedder.paperText("Why?", "Because.")).isEqualTo("Why? Because.");
    assertThat(BgeSmallEmbedder.paperText("Only a title", null)).isEqualTo("Only a title");
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
