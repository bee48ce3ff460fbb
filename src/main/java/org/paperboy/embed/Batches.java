package org.paperboy.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups tokenized texts into model batches. Texts are sorted by length so that each batch pads
 * only to its own longest text, and a batch is capped both in rows and in padded tokens: attention
 * memory grows with rows x length², so a batch of 512-token texts must be smaller than one of
 * 100-token texts.
 */
final class Batches {
  private Batches() {}

  /** One model call: row-major ids and attention mask of shape [rows, length]. */
  record Batch(int[] textIndex, long[] ids, long[] mask, int length) {
    int rows() {
      return textIndex.length;
    }

    /** Token type ids: bge sees one segment, so all zeros. */
    long[] typeIds() {
      return new long[ids.length];
    }
  }

  static List<Batch> plan(List<int[]> tokens, int maxRows, int maxTokens) {
    Integer[] order = IntStream.range(0, tokens.size()).boxed().toArray(Integer[]::new);
    // Longest first: the most expensive batch runs first, so memory trouble shows up at once.
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> tokens.get(i).length).reversed());
    List<Batch> batches = new ArrayList<>();
    int from = 0;
    while (from < order.length) {
      int length = tokens.get(order[from]).length;
      int rows = Math.max(1, Math.min(maxRows, maxTokens / length));
      int to = Math.min(order.length, from + rows);
      batches.add(pack(tokens, Arrays.copyOfRange(order, from, to), length));
      from = to;
    }
    return batches;
  }

  private static Batch pack(List<int[]> tokens, Integer[] rows, int length) {
    int[] textIndex = new int[rows.length];
    long[] ids = new long[rows.length * length];
    long[] mask = new long[rows.length * length];
    for (int r = 0; r < rows.length; r++) {
      textIndex[r] = rows[r];
      int[] t = tokens.get(rows[r]);
      for (int c = 0; c < t.length; c++) {
        ids[r * length + c] = t[c];
        mask[r * length + c] = 1;
      }
    }
    return new Batch(textIndex, ids, mask, length);
  }
}
