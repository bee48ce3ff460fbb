package org.paperboy.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.paperboy.PaperboyException;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.embed.CachingEmbedder;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingCache;
import org.paperboy.store.Database;

/**
 * The embedder for evaluations and benchmarks: the real model behind a vector cache that lives
 * outside any reader's data ({@code $PAPERBOY_CACHE/eval}, default {@code ~/.cache/paperboy/eval}),
 * so a re-run on the same collection embeds nothing. Closing it closes the model and the cache.
 */
public final class EvalCache implements Embedder {
  private final Database db;
  private final CachingEmbedder cached;

  private EvalCache(Database db, CachingEmbedder cached) {
    this.db = db;
    this.cached = cached;
  }

  public static EvalCache open(Map<String, String> env) {
    Path dir = dir(env);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new PaperboyException("cannot create the evaluation cache " + dir + ": " + e.getMessage(), e);
    }
    Database db = Database.open(Database.h2Url(dir), null, null);
    try {
      return new EvalCache(db, new CachingEmbedder(BgeSmallEmbedder.create(), new EmbeddingCache(db.jdbi())));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  static Path dir(Map<String, String> env) {
    String base = env.get("PAPERBOY_CACHE");
    Path root = base != null && !base.isBlank()
        ? Path.of(base)
        : Path.of(System.getProperty("user.home"), ".cache", "paperboy");
    return root.resolve("eval");
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
    try (Database d = db) {
      cached.close();
    }
  }
}
