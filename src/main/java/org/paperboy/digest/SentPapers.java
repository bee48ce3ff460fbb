package org.paperboy.digest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Which (reader, paper) pairs were sent already, among one run's candidates and trending papers.
 * Each of those papers gets a small key (candidates first, by position, then trending papers); the
 * pairs are read with one indexed query per chunk of papers and kept as sorted {@code reader * 2^16
 * + key} longs, so 100,000 readers that all got yesterday's trending papers cost 8 bytes a pair
 * instead of a set of objects per reader.
 */
final class SentPapers {
  private static final int SQL_CHUNK = 500;

  private final Map<String, Integer> key = new HashMap<>();
  private long[] pairs = new long[1024];
  private int size;

  /**
   * The pairs of the papers {@code ids} (key = index of first occurrence) in {@code sent_papers}.
   */
  SentPapers(Jdbi jdbi, List<String> ids) {
    for (String id : ids) key.putIfAbsent(id, key.size());
    List<String> all = List.copyOf(key.keySet());
    for (int from = 0; from < all.size(); from += SQL_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + SQL_CHUNK));
      jdbi.useHandle(
          h ->
              h.createQuery(
                      "SELECT subscription_id, paper_id FROM sent_papers WHERE paper_id IN (<ids>)")
                  .bindList("ids", chunk)
                  .map(
                      (rs, ctx) -> {
                        add(rs.getLong(1), key.get(rs.getString(2)));
                        return 0;
                      })
                  .forEach(x -> {}));
    }
    pairs = Arrays.copyOf(pairs, size);
    Arrays.sort(pairs);
  }

  private void add(long reader, int paper) {
    if (size == pairs.length) pairs = Arrays.copyOf(pairs, size * 2);
    pairs[size++] = (reader << 16) | paper;
  }

  /** The keys of what {@code reader} was sent, ascending. */
  int[] of(long reader) {
    if (size == 0) return new int[0];
    int from = Arrays.binarySearch(pairs, reader << 16);
    if (from < 0) from = -from - 1;
    int to = from;
    while (to < size && pairs[to] >>> 16 == reader) to++;
    int[] out = new int[to - from];
    for (int i = from; i < to; i++) out[i - from] = (int) (pairs[i] & 0xFFFF);
    return out;
  }

  /** The key of paper {@code id}; -1 when it is neither a candidate nor trending. */
  int key(String id) {
    Integer k = key.get(id);
    return k == null ? -1 : k;
  }
}
