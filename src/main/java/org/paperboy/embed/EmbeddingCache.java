package org.paperboy.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.PaperboyException;

/**
 * Vectors in the SQL store, keyed by content hash and model name (table {@code embeddings}).
 * Thread-safe; concurrent writers of the same text are fine, the first one wins.
 */
public final class EmbeddingCache {
  /** Hashes per IN list, well under every driver's bind-parameter limit. */
  private static final int LOOKUP_CHUNK = 500;

  private final Jdbi jdbi;

  public EmbeddingCache(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Which side of retrieval a text was embedded for; the two give different vectors. */
  public enum Side {
    DOCUMENT,
    QUERY
  }

  /** Hex SHA-256 of model, side and text; NUL separators keep the three parts apart. */
  public static String contentHash(String model, Side side, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((model + '\0' + side.name() + '\0').getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The cached vectors among {@code hashes}, by hash; absent hashes are simply missing. */
  public Map<String, float[]> find(String model, int dims, Collection<String> hashes) {
    Map<String, float[]> found = new HashMap<>();
    List<String> all = List.copyOf(hashes);
    for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
      jdbi.useHandle(
          h ->
              h.createQuery(
                      "SELECT content_hash, dims, vector FROM embeddings"
                          + " WHERE model = :model AND content_hash IN (<hashes>)")
                  .bind("model", model)
                  .bindList("hashes", chunk)
                  .map(
                      (rs, ctx) -> {
                        String hash = rs.getString("content_hash");
                        found.put(
                            hash,
                            decode(model, hash, dims, rs.getInt("dims"), rs.getBytes("vector")));
                        return hash;
                      })
                  .list());
    }
    return found;
  }

  /** Stores vectors by hash in one transaction; a hash already cached keeps its vector. */
  public void store(String model, Map<String, float[]> vectors) {
    if (vectors.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          var batch =
              h.prepareBatch(
                  "INSERT INTO embeddings (content_hash, model, dims, vector)"
                      + " VALUES (:hash, :model, :dims, :vector) ON CONFLICT DO NOTHING");
          for (var e : vectors.entrySet()) {
            batch
                .bind("hash", e.getKey())
                .bind("model", model)
                .bind("dims", e.getValue().length)
                .bind("vector", encode(e.getValue()))
                .add();
          }
          batch.execute();
        });
  }

  /** How many vectors of {@code model} are cached. */
  public long count(String model) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM embeddings WHERE model = :model")
                .bind("model", model)
                .mapTo(Long.class)
                .one());
  }

  static byte[] encode(float[] vector) {
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return bytes.array();
  }

  private static float[] decode(
      String model, String hash, int expectedDims, int dims, byte[] bytes) {
    if (dims != expectedDims || bytes.length != dims * Float.BYTES) {
      throw new PaperboyException(
          "embeddings cache: the row for "
              + model
              + "/"
              + hash
              + " holds "
              + bytes.length
              + " bytes for "
              + dims
              + " dimensions, expected "
              + expectedDims
              + " dimensions of 4 bytes; delete the rows of that model to rebuild them");
    }
    float[] vector = new float[dims];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
