package org.paperboy.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.store.Database;

class CachingEmbedderTest {
  private static BgeSmallEmbedder model;
  private Database db;
  private CountingEmbedder counting;
  private CachingEmbedder cached;

  @BeforeAll
  static void load() {
    model = BgeSmallEmbedder.create();
  }

  @AfterAll
  static void unload() {
    model.close();
  }

  @BeforeEach
  void open() {
    db =
        Database.open(
            "jdbc:h2:mem:"
                + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "sa",
            "");
    counting = new CountingEmbedder(model);
    cached = new CachingEmbedder(counting, new EmbeddingCache(db.jdbi()));
  }

  @AfterEach
  void close() {
    cached.close();
    db.close();
  }

  @Test
  void embeds_nothing_the_second_time() {
    List<String> texts = List.of("Visual token pruning.", "Masked language models.");
    float[][] first = cached.embedDocuments(texts);
    float[][] second = cached.embedDocuments(texts);
    assertThat(counting.texts).hasValue(2);
    assertThat(second).isDeepEqualTo(first);
  }

  @Test
  void embeds_only_the_texts_it_has_not_seen() {
    cached.embedDocuments(List.of("Visual token pruning."));
    float[][] vectors =
        cached.embedDocuments(List.of("Visual token pruning.", "Masked language models."));
    assertThat(counting.texts).hasValue(2);
    assertThat(vectors[1]).isEqualTo(model.embedDocuments(List.of("Masked language models."))[0]);
  }

  @Test
  void embeds_a_text_given_twice_once() {
    float[][] vectors = cached.embedDocuments(List.of("LVLM", "LVLM", "MLLM"));
    assertThat(counting.texts).hasValue(2);
    assertThat(vectors[0]).isEqualTo(vectors[1]).isNotSameAs(vectors[1]);
  }

  @Test
  void keeps_queries_and_documents_apart() {
    float[] doc = cached.embedDocuments(List.of("visual token reduction"))[0];
    float[] query = cached.embedQueries(List.of("visual token reduction"))[0];
    float[] queryAgain = cached.embedQueries(List.of("visual token reduction"))[0];
    assertThat(query).isNotEqualTo(doc).isEqualTo(queryAgain);
    assertThat(counting.texts).hasValue(2);
  }

  @Test
  void a_repeated_query_comes_from_memory_neither_the_model_nor_the_store() {
    float[] first = cached.embedQueries(List.of("visual token pruning"))[0];
    db.jdbi().useHandle(h -> h.execute("DELETE FROM embeddings"));
    float[] again = cached.embedQueries(List.of("visual token pruning"))[0];
    assertThat(again).isEqualTo(first);
    assertThat(counting.texts).hasValue(1);
  }

  @Test
  void queries_differing_only_in_case_and_spaces_share_the_model_s_vector() {
    float[][] v = cached.embedQueries(List.of("  MLLM   Token\tPruning ", "mllm token pruning"));
    assertThat(counting.texts).hasValue(1);
    assertThat(v[0]).isEqualTo(v[1]).isNotSameAs(v[1]);
    // the model itself reads both alike: the normalisation loses nothing
    assertThat(v[0]).isEqualTo(model.embedQueries(List.of("MLLM Token Pruning"))[0]);
  }

  @Test
  void the_query_memory_is_bounded_and_drops_the_least_recently_used() {
    var small = new CachingEmbedder(counting, new EmbeddingCache(db.jdbi()), 2);
    small.embedQueries(List.of("a query"));
    small.embedQueries(List.of("b query"));
    small.embedQueries(List.of("a query")); // a is now the most recent
    small.embedQueries(List.of("c query")); // b leaves
    db.jdbi().useHandle(h -> h.execute("DELETE FROM embeddings"));
    counting.texts.set(0);
    small.embedQueries(List.of("a query", "c query"));
    assertThat(counting.texts).hasValue(0);
    small.embedQueries(List.of("b query"));
    assertThat(counting.texts).hasValue(1);
  }

  @Test
  void survives_a_reopen_of_the_store() {
    cached.embedDocuments(List.of("Visual token pruning."));
    var again = new CachingEmbedder(counting, new EmbeddingCache(db.jdbi()));
    again.embedDocuments(List.of("Visual token pruning."));
    assertThat(counting.texts).hasValue(1);
    assertThat(new EmbeddingCache(db.jdbi()).count(model.modelName())).isEqualTo(1);
  }

  @Test
  void reports_progress_up_to_the_total() {
    cached.embedDocuments(List.of("a", "b"));
    List<String> seen = new ArrayList<>();
    cached.embedDocuments(List.of("a", "b", "c"), (done, total) -> seen.add(done + "/" + total));
    assertThat(seen).startsWith("2/3").endsWith("3/3");
  }

  @Test
  void handles_an_empty_list() {
    assertThat(cached.embedDocuments(List.of())).isEmpty();
    assertThat(counting.texts).hasValue(0);
  }

  /** The real model, counting the texts it is asked to embed; closing it leaves the model open. */
  private static final class CountingEmbedder implements Embedder {
    final AtomicInteger texts = new AtomicInteger();
    private final Embedder model;

    CountingEmbedder(Embedder model) {
      this.model = model;
    }

    @Override
    public String modelName() {
      return model.modelName();
    }

    @Override
    public int dimensions() {
      return model.dimensions();
    }

    @Override
    public float[][] embedDocuments(List<String> list) {
      texts.addAndGet(list.size());
      return model.embedDocuments(list);
    }

    @Override
    public float[][] embedDocuments(List<String> list, Progress progress) {
      texts.addAndGet(list.size());
      return model.embedDocuments(list, progress);
    }

    @Override
    public float[][] embedQueries(List<String> list) {
      texts.addAndGet(list.size());
      return model.embedQueries(list);
    }

    @Override
    public void close() {}
  }
}
