package org.paperboy.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The normalised form of a title used to recognise the same paper across sources that carry no
 * arXiv id: case, accents, punctuation and spacing are ignored. It runs on every ingested record,
 * hence the hand-written loop instead of a chain of regular expressions.
 */
public final class TitleKey {
  private static final String PREFIX = "t-";

  private TitleKey() {}

  /** "Attention Is All You Need!" and "attention is all you need" give the same key. */
  public static String of(String title) {
    StringBuilder out = new StringBuilder(title.length());
    boolean space = false;
    for (int i = 0; i < title.length(); i++) {
      char c = title.charAt(i);
      if (c < 128) {
        if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
          space = append(out, space, c);
        } else {
          space = true;
        }
      } else {
        // Decompose accents away (é -> e) and keep letters and digits of any script.
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
        for (int j = 0; j < d.length(); j++) {
          char k = d.charAt(j);
          if (Character.isLetterOrDigit(k)) {
            space = append(out, space, Character.toLowerCase(k));
          } else if (Character.getType(k) != Character.NON_SPACING_MARK) {
            space = true;
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean append(StringBuilder out, boolean space, char c) {
    if (space && !out.isEmpty()) out.append(' ');
    out.append(c);
    return false;
  }

  /** 16 hex digits of the SHA-256 of the key: what the store indexes to find a title. */
  public static String hash(String title) {
    return hex(title, 8);
  }

  /** A stable paper id for a title: {@code t-} and 12 hex digits of the key's SHA-256. */
  public static String idFor(String title) {
    return PREFIX + hex(title, 6);
  }

  public static boolean isTitleId(String id) {
    return id.startsWith(PREFIX);
  }

  private static String hex(String title, int bytes) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(of(title).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
