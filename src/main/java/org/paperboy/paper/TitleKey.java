package org.paperboy.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The normalised form of a title used to recognise the same paper across sources that carry no
 * arXiv id: case, accents, punctuation and spacing are ignored.
 */
public final class TitleKey {
  private static final String PREFIX = "t-";

  private TitleKey() {}

  /** "Attention Is All You Need!" and "attention is all you  need" give the same key. */
  public static String of(String title) {
    String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD);
    return decomposed
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }

  /** A stable paper id for a title: {@code t-} and 12 hex digits of the key's SHA-256. */
  public static String idFor(String title) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(of(title).getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public static boolean isTitleId(String id) {
    return id.startsWith(PREFIX);
  }
}
