package org.paperboy.ingest.text;

import static org.paperboy.ingest.text.TexScan.isLetter;
import static org.paperboy.ingest.text.TexSymbols.SYMBOLS;

import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/** Math scripts: {@code x^2}, {@code x^{-1}}, {@code a_{ij}}, {@code f^\prime} as Unicode. */
final class TexScripts {
  private static final String SUPER_FROM = "0123456789+-=()nabcdefghijklmoprstuvwxyzT′∘⊤*∗−";
  private static final String SUPER_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ′°ᵀ**⁻";
  private static final String SUB_FROM = "0123456789+-=()aehijklmnoprstuvx−";
  private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ₋";

  private TexScripts() {}

  /**
   * The script after {@code ^} or {@code _}.
   *
   * @param text the operand in Unicode super- or subscript letters, or null when it cannot be
   *     written so (the math span then stays as TeX)
   * @param end the index after the operand
   */
  record Script(String text, int end) {}

  /**
   * Reads the operand starting at {@code k} (spaces already skipped): one character, a symbol
   * command, or a brace group decoded by {@code math}; {@code matching} finds a group's closing
   * brace (-1 for none).
   */
  static Script read(
      String s, int k, boolean superscript, IntUnaryOperator matching, UnaryOperator<String> math) {
    int n = s.length();
    if (k >= n) {
      return new Script(null, k);
    }
    String operand;
    int end;
    char c = s.charAt(k);
    if (c == '{') {
      end = matching.applyAsInt(k);
      if (end < 0) {
        return new Script(null, n);
      }
      operand = math.apply(s.substring(k + 1, end));
      end++;
    } else if (c == '\\') {
      end = k + 1;
      while (end < n && isLetter(s.charAt(end))) {
        end++;
      }
      operand = SYMBOLS.get(s.substring(k + 1, end));
    } else {
      operand = String.valueOf(c);
      end = k + 1;
    }
    return new Script(operand == null ? null : script(operand, superscript), end);
  }

  /** {@code text} as superscript (or subscript) characters, or null when one has no such form. */
  private static String script(String text, boolean superscript) {
    String from = superscript ? SUPER_FROM : SUB_FROM;
    String to = superscript ? SUPER_TO : SUB_TO;
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        continue;
      }
      int k = from.indexOf(c);
      if (k < 0) {
        return null;
      }
      sb.append(to.charAt(k));
    }
    return sb.isEmpty() ? null : sb.toString();
  }
}
