package org.paperboy.ingest.text;

import static org.paperboy.ingest.text.TexScan.hasWhitespace;
import static org.paperboy.ingest.text.TexScan.isLetter;
import static org.paperboy.ingest.text.TexScan.startsWithSwitch;
import static org.paperboy.ingest.text.TexSymbols.BLACKBOARD;
import static org.paperboy.ingest.text.TexSymbols.DELIMITER_SIZES;
import static org.paperboy.ingest.text.TexSymbols.FORMAT_COMMANDS;
import static org.paperboy.ingest.text.TexSymbols.LETTERS;
import static org.paperboy.ingest.text.TexSymbols.LETTER_ACCENTS;
import static org.paperboy.ingest.text.TexSymbols.SWITCHES;
import static org.paperboy.ingest.text.TexSymbols.SYMBOLS;
import static org.paperboy.ingest.text.TexSymbols.SYMBOL_ACCENTS;

/**
 * Turns the TeX found in arXiv metadata into Unicode in one pass over the text, no regular
 * expressions: it runs on every title and abstract of a multi-million-record ingest.
 *
 * <p>The rule is "decode what we know, keep the rest exactly as written". A math span {@code $...$}
 * is replaced only when every piece of it is understood ({@code $\gamma$} becomes γ, {@code
 * CeAg$_2$} becomes CeAg₂); otherwise the whole span stays, dollars included, because half-decoded
 * math is harder to read than TeX. Unknown commands in text keep their arguments verbatim.
 */
final class TexDecoder {
  /** Hostile input ("{{{{...") must not overflow the stack. */
  private static final int MAX_DEPTH = 16;

  private final int depth;
  private final boolean math;
  private final String s;
  private final StringBuilder out;
  private int[] closers; // computed on the first brace: most text has none
  private MathSpans spans; // made on the first dollar
  private boolean failed;

  private TexDecoder(String s, boolean math, int depth) {
    this.s = s;
    this.depth = depth;
    this.math = math;
    this.out = new StringBuilder(s.length());
  }

  /** Decodes running text; never fails. */
  static String text(String s) {
    return new TexDecoder(s, false, 0).run();
  }

  private String inner(String t, boolean asMath) {
    return new TexDecoder(t, asMath, depth + 1).run();
  }

  private String run() {
    int n = s.length();
    int i = 0;
    while (i < n && !failed) {
      char c = s.charAt(i);
      if (c == '\\') {
        i = command(i);
      } else if (c == '{') {
        i = math ? i + 1 : group(i);
      } else if (c == '}' && math) {
        i++;
      } else if (c == '$' && !math) {
        i = mathSpan(i);
      } else if ((c == '^' || c == '_') && math) {
        i = script(i, c == '^');
      } else if (c == '-' && !math) {
        i = TexScan.dashes(s, i, out);
      } else {
        out.append(c);
        i++;
      }
    }
    return failed ? null : out.toString();
  }

  // ---- commands

  private int command(int i) {
    int n = s.length();
    if (i + 1 >= n) {
      out.append('\\');
      return i + 1;
    }
    char c = s.charAt(i + 1);
    Character accent = SYMBOL_ACCENTS.get(c);
    if (accent != null) {
      int end = TexAccents.compose(s, i + 2, accent, out);
      return end > 0 ? end : verbatim(i, i + 2);
    }
    if ("&%$#_{}".indexOf(c) >= 0) {
      out.append(c);
      return i + 2;
    }
    if (c == '\\' || c == ',' || c == ';' || c == ':' || c == ' ') {
      out.append(' '); // line break and spacing commands
      return i + 2;
    }
    if (c == '!' || c == '/' || c == '-' || c == '@') {
      return i + 2; // negative thin space, italic correction, soft hyphen, spacing hint
    }
    if (!isLetter(c)) {
      return verbatim(i, i + 2);
    }
    int j = i + 1;
    while (j < n && isLetter(s.charAt(j))) {
      j++;
    }
    return word(i, s.substring(i + 1, j), j);
  }

  /** A control word {@code \name} starting at {@code i}, its name ending at {@code j}. */
  private int word(int i, String name, int j) {
    Character accent = LETTER_ACCENTS.get(name);
    if (accent != null) {
      int end = TexAccents.compose(s, j, accent, out);
      if (end > 0) {
        return end;
      }
    }
    String letter = LETTERS.get(name);
    if (letter != null) {
      out.append(letter);
      return skipSpaces(emptyGroup(j)); // TeX eats the spaces after a control word: "S\o ren"
    }
    if (FORMAT_COMMANDS.contains(name) || name.equals("mathbb") || name.equals("sqrt")) {
      int end = argument(name, j);
      if (end > 0) {
        return end;
      }
    } else if (SWITCHES.contains(name)) {
      return skipSpaces(j);
    } else if (DELIMITER_SIZES.contains(name)) {
      return j < s.length() && s.charAt(j) == '.' ? j + 1 : j; // \right. is "no delimiter"
    } else {
      String symbol = SYMBOLS.get(name);
      if (symbol != null) {
        // TeX spaces binary operators itself, so "$3\times 4$" must read "3 × 4", not "3× 4".
        boolean spaced = math && TexSymbols.SPACED.contains(name);
        boolean function = symbol.equals(name) && endsWithLetterOrDigit(); // "m\log n"
        out.append(spaced || function ? " " : "").append(symbol).append(spaced ? " " : "");
        return emptyGroup(j);
      }
    }
    return verbatim(i, j);
  }

  /** {@code \textbf{x}}, {@code \mathbb{R}}, {@code \sqrt{2}}: the argument, decoded. */
  private int argument(String name, int j) {
    int open = skipSpaces(j);
    int close = open < s.length() && s.charAt(open) == '{' ? matching(open) : -1;
    if (close < 0) {
      return -1;
    }
    String inner = s.substring(open + 1, close);
    String decoded;
    if (name.equals("mathbb")) {
      decoded = inner.length() == 1 ? BLACKBOARD.get(inner.charAt(0)) : null;
    } else {
      decoded = inner(inner, math);
      if (decoded != null && name.equals("sqrt")) {
        decoded = decoded.length() == 1 ? "√" + decoded : "√(" + decoded + ")";
      }
    }
    if (decoded == null) {
      return -1;
    }
    out.append(decoded);
    return close + 1;
  }

  /** An unknown command: copied as written, with its arguments, or fails a math span. */
  private int verbatim(int i, int j) {
    if (math) {
      failed = true;
      return j;
    }
    int end = j;
    while (end < s.length() && (s.charAt(end) == '{' || s.charAt(end) == '[')) {
      int close = s.charAt(end) == '{' ? matching(end) : s.indexOf(']', end);
      if (close < 0) {
        break;
      }
      end = close + 1;
    }
    out.append(s, i, end);
    return end;
  }

  // ---- groups, math, scripts

  /**
   * A brace group in text. {@code {\"o}}, {@code {GPU}} and {@code {\em word word}} lose their
   * braces; a group with spaces and no font switch ("{key: value}" in a plain abstract) is text
   * that happens to contain braces, and keeps them, as does {@code _{ij}} from math that did not
   * decode.
   */
  private int group(int i) {
    int close = matching(i);
    if (close < 0) {
      out.append('{');
      return i + 1;
    }
    String inner = s.substring(i + 1, close);
    boolean scriptArgument = i > 0 && (s.charAt(i - 1) == '_' || s.charAt(i - 1) == '^');
    if (!scriptArgument && (startsWithSwitch(inner) || !hasWhitespace(inner))) {
      out.append(inner(inner, false));
      return close + 1;
    }
    out.append('{');
    return i + 1;
  }

  /** {@code $...$} or {@code $$...$$}: decoded whole, or kept as written ({@link MathSpans}). */
  private int mathSpan(int i) {
    int n = s.length();
    int delimiter = i + 1 < n && s.charAt(i + 1) == '$' ? 2 : 1;
    int from = i + delimiter;
    if (from >= n
        || depth >= MAX_DEPTH
        || (delimiter == 1 && Character.isWhitespace(s.charAt(from)))) {
      out.append(s, i, Math.min(from, n));
      return from;
    }
    if (spans == null) {
      spans = new MathSpans(s);
    }
    int close = spans.closer(from, delimiter);
    if (close < 0) {
      out.append(s, i, from);
      return from;
    }
    String decoded = inner(s.substring(from, close), true);
    if (decoded != null) {
      out.append(decoded.strip());
    } else {
      out.append(s, i, close + delimiter);
    }
    return close + delimiter;
  }

  /** A script in math, or fail the span when Unicode has no script letters for it. */
  private int script(int i, boolean superscript) {
    TexScripts.Script script =
        TexScripts.read(s, skipSpaces(i + 1), superscript, this::matching, t -> inner(t, true));
    if (script.text() == null) {
      failed = true;
    } else {
      out.append(script.text());
    }
    return script.end();
  }

  // ---- scanning helpers

  /** The index of the brace closing the one at {@code open}, or -1; escaped braces do not count. */
  private int matching(int open) {
    if (depth >= MAX_DEPTH) {
      return -1;
    }
    if (closers == null) {
      closers = TexScan.closers(s);
    }
    return closers[open];
  }

  private int skipSpaces(int k) {
    return TexScan.skipSpaces(s, k);
  }

  private int emptyGroup(int k) {
    return TexScan.emptyGroup(s, k);
  }

  private boolean endsWithLetterOrDigit() {
    return !out.isEmpty() && Character.isLetterOrDigit(out.charAt(out.length() - 1));
  }
}
