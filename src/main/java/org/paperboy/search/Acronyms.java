package org.paperboy.search;

import java.util.Locale;

/** What counts as an acronym, shared by the analyzer and the miner so both agree. */
final class Acronyms {
  private Acronyms() {}

  /**
   * The singular upper-case form of {@code token} when it looks like an acronym ("MLLMs" -> "MLLM",
   * "LoRA" -> "LORA", "ViT" -> "VIT"), else null. At least two capitals and no more lower-case
   * letters than capitals: "The" and "Transformer" are words, "LLaVA" is not.
   */
  static String fold(CharSequence token) {
    int len = token.length();
    if (len < 2 || len > 16 || !Character.isLetter(token.charAt(0))) return null;
    // A trailing lower-case s after a capital is the plural: MLLMs, CNNs, LVLMs.
    if (len >= 3 && token.charAt(len - 1) == 's' && Character.isUpperCase(token.charAt(len - 2))) {
      len--;
    }
    int upper = 0;
    int lower = 0;
    for (int i = 0; i < len; i++) {
      char c = token.charAt(i);
      if (Character.isUpperCase(c)) upper++;
      else if (Character.isLowerCase(c)) lower++;
      else if (!Character.isDigit(c)) return null;
    }
    if (upper < 2 || lower > upper) return null;
    return token.subSequence(0, len).toString().toUpperCase(Locale.ROOT);
  }
}
