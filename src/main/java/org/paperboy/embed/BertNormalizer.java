package org.paperboy.embed;

import java.text.Normalizer;

/** BertNormalizer and BertPreTokenizer's character classes, as in Hugging Face tokenizers. */
final class BertNormalizer {
  private BertNormalizer() {}

  /** clean_text, handle_chinese_chars, strip_accents (NFD, drop Mn), lowercase, in this order. */
  static String normalize(String raw) {
    StringBuilder cleaned = new StringBuilder(raw.length() + 16);
    boolean ascii = true;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
        continue;
      }
      if (isWhitespace(cp)) {
        cleaned.append(' ');
      } else if (isChinese(cp)) {
        cleaned.append(' ').appendCodePoint(cp).append(' ');
      } else {
        cleaned.appendCodePoint(cp);
        ascii &= cp < 0x80;
      }
    }
    String text = cleaned.toString();
    if (!ascii) {
      text = Normalizer.normalize(text, Normalizer.Form.NFD);
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) != Character.NON_SPACING_MARK) {
        out.appendCodePoint(Character.toLowerCase(cp));
      }
    }
    return out.toString();
  }

  /** Rust's char::is_whitespace (the Unicode White_Space property). */
  static boolean isWhitespace(int cp) {
    return (cp >= '\t' && cp <= '\r')
        || cp == ' '
        || cp == 0x85
        || cp == 0xA0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  /** Unicode "other" (Cc, Cf, Cn, Co, Cs) except tab and newlines, which count as whitespace. */
  private static boolean isControl(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      return false;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.UNASSIGNED,
          Character.PRIVATE_USE,
          Character.SURROGATE ->
          true;
      default -> false;
    };
  }

  static boolean isPunctuation(int cp) {
    if (cp < 0x80) {
      return (cp >= 33 && cp <= 47)
          || (cp >= 58 && cp <= 64)
          || (cp >= 91 && cp <= 96)
          || (cp >= 123 && cp <= 126);
    }
    return switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION ->
          true;
      default -> false;
    };
  }

  /** The CJK ideograph blocks that BERT splits into single characters. */
  private static boolean isChinese(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F)
        || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}
