package org.paperboy.ingest;

/**
 * The ids one ingest run has stored, as a Bloom filter of fixed size (4 MB, about 0.4% false
 * positives at the 2.7 million records of a full Kaggle snapshot). When the store was empty as the
 * run began, an id the filter has never seen cannot be stored yet, so its batch skips the database
 * look-up for it; a false positive only costs that look-up.
 */
final class RunIds {
  private static final int BITS = 1 << 25;
  private static final int HASHES = 5;
  private final long[] words = new long[BITS / 64];

  void add(String id) {
    int h1 = id.hashCode();
    int h2 = secondHash(id);
    for (int i = 0; i < HASHES; i++) {
      int bit = (h1 + i * h2) & (BITS - 1);
      words[bit >>> 6] |= 1L << bit;
    }
  }

  boolean mightContain(String id) {
    int h1 = id.hashCode();
    int h2 = secondHash(id);
    for (int i = 0; i < HASHES; i++) {
      int bit = (h1 + i * h2) & (BITS - 1);
      if ((words[bit >>> 6] & (1L << bit)) == 0) return false;
    }
    return true;
  }

  /** FNV-1a over the chars, odd so that the probe sequence visits distinct bits. */
  private static int secondHash(String s) {
    int h = 0x811C9DC5;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x01000193;
    }
    return h | 1;
  }
}
