package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class FusionTest {
  private static ScoreDoc[] list(double... scoresOfDocs0ToN) {
    ScoreDoc[] out = new ScoreDoc[scoresOfDocs0ToN.length];
    for (int i = 0; i < out.length; i++) out[i] = new ScoreDoc(i, (float) scoresOfDocs0ToN[i]);
    return out;
  }

  private static ScoreDoc[] reversed(ScoreDoc[] in) {
    ScoreDoc[] out = new ScoreDoc[in.length];
    for (int i = 0; i < in.length; i++) out[i] = new ScoreDoc(in.length - 1 - i, in[i].score);
    return out;
  }

  private static List<Integer> docs(List<ScoreDoc> fused) {
    return fused.stream().map(d -> d.doc).toList();
  }

  // docs 0..11; one side ranks 0 first, the other 11 first
  private static final ScoreDoc[] PEAKED =
      list(20, 6, 5.9, 5.8, 5.7, 5.6, 5.5, 5.4, 5.3, 5.2, 5.1, 5.0);
  private static final ScoreDoc[] FLAT =
      list(0.81, 0.809, 0.808, 0.807, 0.806, 0.805, 0.804, 0.803, 0.802, 0.801, 0.8005, 0.80);

  @Test
  void the_side_whose_top_stands_out_leads_whichever_side_it_is() {
    // BM25 sure (an acronym few papers use), the vectors flat: BM25's first leads
    assertThat(docs(Fusion.confident(PEAKED, reversed(FLAT), 12))).first().isEqualTo(0);
    // the vectors sure, BM25 flat: the vectors' first leads, although RRF would tie them
    assertThat(docs(Fusion.confident(reversed(FLAT), PEAKED, 12))).first().isEqualTo(0);
    assertThat(docs(Fusion.rrf(List.of(reversed(FLAT), PEAKED), 5, 12)))
        .first()
        .isEqualTo(0); // ties go to the lower doc, which is why both 0 and 11 score alike there
    assertThat(Fusion.rrf(List.of(reversed(FLAT), PEAKED), 5, 12).get(0).score)
        .isEqualTo(Fusion.rrf(List.of(reversed(FLAT), PEAKED), 5, 12).get(1).score);
  }

  @Test
  void at_equal_certainty_the_vectors_weigh_more() {
    ScoreDoc[] lexical = list(3, 2, 1);
    ScoreDoc[] semantic = {new ScoreDoc(1, 3), new ScoreDoc(0, 2), new ScoreDoc(2, 1)};
    assertThat(Fusion.peak(lexical)).isEqualTo(Fusion.peak(semantic));
    List<ScoreDoc> fused = Fusion.confident(lexical, semantic, 3);
    assertThat(docs(fused)).containsExactly(1, 0, 2);
    assertThat(fused.get(0).score).isCloseTo(0.4f * 0.5f + 0.6f, within(1e-6f));
    assertThat(fused).allMatch(d -> Float.isFinite(d.score));
  }

  @Test
  void one_side_alone_keeps_its_order_and_scores() {
    ScoreDoc[] newestFirst = {new ScoreDoc(7, 0), new ScoreDoc(3, 0), new ScoreDoc(5, 0)};
    assertThat(docs(Fusion.confident(newestFirst, new ScoreDoc[0], 2))).containsExactly(7, 3);
    assertThat(docs(Fusion.confident(new ScoreDoc[0], newestFirst, 5))).containsExactly(7, 3, 5);
  }

  @Test
  void an_acronym_is_embedded_with_the_reading_the_query_means() {
    AcronymLexicon lexicon =
        AcronymLexicon.of(
            Map.of("MLM", Map.of("masked language model", 5, "multilingual language model", 1)));
    LexicalQueries lq = new LexicalQueries(LexicalQueries.analyzer(), lexicon);
    assertThat(lq.embeddingText("MLM")).isEqualTo("MLM (masked language model)");
    assertThat(lq.embeddingText("multilingual MLMs"))
        .isEqualTo("multilingual MLMs (multilingual language model)");
    // a reading picked from the refinement links is a phrase: embedded exactly as written
    assertThat(lq.embeddingText("multilingual language model pretraining"))
        .isEqualTo("multilingual language model pretraining");
    assertThat(lq.embeddingText("masking tokens")).isEqualTo("masking tokens");
  }

  @Test
  void a_known_acronym_alone_is_ranked_by_bm25_the_vectors_breaking_ties() {
    AcronymLexicon lexicon =
        AcronymLexicon.of(
            Map.of("MLM", Map.of("masked language model", 5, "multilingual language model", 1)));
    LexicalQueries lq = new LexicalQueries(LexicalQueries.analyzer(), lexicon);
    assertThat(SearchEngine.vectorWeight(lq, "MLM")).isEqualTo(Fusion.ACRONYM_ALONE_VECTOR_WEIGHT);
    assertThat(SearchEngine.vectorWeight(lq, " MLMs "))
        .isEqualTo(Fusion.ACRONYM_ALONE_VECTOR_WEIGHT);
    // an unknown acronym, or a known one among other words, weighs as any query
    assertThat(SearchEngine.vectorWeight(lq, "VLM")).isEqualTo(Fusion.VECTOR_WEIGHT);
    assertThat(SearchEngine.vectorWeight(lq, "MLM pretraining")).isEqualTo(Fusion.VECTOR_WEIGHT);
    assertThat(SearchEngine.vectorWeight(lq, "masking tokens")).isEqualTo(Fusion.VECTOR_WEIGHT);
    // BM25 a little less peaked than the vectors, which rank another paper first: at the usual
    // weight the vectors lead, for an acronym alone BM25's first does
    ScoreDoc[] lexical = list(10, 9, 9, 1, 1, 1, 1, 1, 1, 1, 1, 0);
    ScoreDoc[] semantic =
        reversed(list(0.9, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.4));
    assertThat(docs(Fusion.confident(lexical, semantic, 12))).first().isEqualTo(11);
    List<Integer> alone =
        docs(Fusion.confident(lexical, semantic, 12, Fusion.ACRONYM_ALONE_VECTOR_WEIGHT));
    assertThat(alone).startsWith(0, 1, 2);
  }
}
