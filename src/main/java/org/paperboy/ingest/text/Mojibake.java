package org.paperboy.ingest.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs text that was UTF-8, got decoded as Latin-1 somewhere upstream and re-encoded: "Dirk
 * WÃ¼bben" becomes "Dirk Wübben". Real arXiv API recordings carry names like this. Only a run of
 * Latin-1 characters that decodes as valid UTF-8 is changed, so genuine text such as "Ã la carte"
 * (Ã followed by a space) is left alone.
 */
final class Mojibake {
  private Mojibake() {}

  /**
   * True when {@code s} holds a UTF-8 lead byte seen as Latin-1 followed by a continuation byte.
   */
  static boolean suspect(String s) {
    for (int i = 0; i + 1 < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u00C2' && c <= '\u00F4' && isContinuation(s.charAt(i + 1))) return true;
    }
    return false;
  }

  static String repair(String s) {
    if (!suspect(s)) return s;
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c < '\u00C2' || c > '\u00F4') {
        out.append(c);
        i++;
        continue;
      }
      int end = i + 1;
      while (end < s.length() && isContinuation(s.charAt(end))) end++;
      String decoded = decode(s, i, end);
      out.append(decoded != null ? decoded : s.substring(i, end));
      i = end;
    }
    return out.toString();
  }

  private static boolean isContinuation(char c) {
    return c >= '\u0080' && c <= '\u00BF';
  }

  /** The UTF-8 reading of the Latin-1 chars s[from, to), or null when they are not valid UTF-8. */
  private static String decode(String s, int from, int to) {
    byte[] bytes = new byte[to - from];
    for (int k = from; k < to; k++) bytes[k - from] = (byte) s.charAt(k);
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
