package org.paperboy.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.PaperboyException;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.embed.CachingEmbedder;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingCache;
import org.paperboy.store.Database;

/**
 * The embedder for evaluations and benchmarks: the real model behind a vector cache that lives
 * outside any reader's data ({@code search.eval_cache}/eval, default {@code
 * ~/.cache/paperboy/eval}), so a re-run on the same collection embeds nothing. Closing it closes
 * the model and the cache.
 */
public final class EvalCache implements Embedder {
  private final JdbcConnectionPool db;
  private final CachingEmbedder cached;

  private EvalCache(JdbcConnectionPool db, CachingEmbedder cached) {
    this.db = db;
    this.cached = cached;
  }

  /** Opens the cache under {@code root} (the configured {@code search.eval_cache}). */
  public static EvalCache open(Path root) {
    Path dir = root.resolve("eval");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot create the evaluation cache " + dir + ": " + e.getMessage(), e);
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create(Database.h2Url(dir), "", "");
    try {
      // A cache, not a store: it only needs the embeddings table, so edits to the app's other
      // migrations (checksums) must not make hours of cached vectors unusable.
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .validateOnMigrate(false)
          .loggers("slf4j")
          .load()
          .migrate();
      EmbeddingCache cache = new EmbeddingCache(Jdbi.create(pool));
      return new EvalCache(pool, new CachingEmbedder(BgeSmallEmbedder.create(), cache));
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
  }

  @Override
  public String modelName() {
    return cached.modelName();
  }

  @Override
  public int dimensions() {
    return cached.dimensions();
  }

  @Override
  public float[][] embedDocuments(List<String> texts) {
    return cached.embedDocuments(texts);
  }

  @Override
  public float[][] embedDocuments(List<String> texts, Progress progress) {
    return cached.embedDocuments(texts, progress);
  }

  @Override
  public float[][] embedQueries(List<String> texts) {
    return cached.embedQueries(texts);
  }

  @Override
  public void close() {
    try {
      cached.close();
    } finally {
      db.dispose();
    }
  }
}
