package org.paperboy.ingest.text;

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
  private static final String SWITCH_BREAK = " \t\n{}\\";

  /**
   * Hostile input ("{{{{..." or "$a $a $a ...") must stay linear and must not overflow the stack.
   */
  private static final int MAX_MATH = 500;

  private static final int MAX_DEPTH = 16;

  private final int depth;
  private final boolean math;
  private final String s;
  private final StringBuilder out;
  private int[] closers; // computed on the first brace: most text has none
  private boolean failed;
  private int noCloserUpTo;
  private boolean noCloserStrict;

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

  /** Decodes the inside of a math span, or null when something in it is not understood. */
  static String math(String s) {
    return new TexDecoder(s, true, 0).run();
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
        i = dashes(i);
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
      int end = accent(i + 2, accent);
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
      int end = accent(j, accent);
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

  /**
   * An accent's target at {@code k}: {@code e}, {@code {e}}, {@code \i}, {@code {\i}}, after
   * optional spaces. Appends the composed letter and returns the index after it, or -1.
   */
  private int accent(int k, char combining) {
    k = skipSpaces(k);
    int n = s.length();
    if (k >= n) {
      return -1;
    }
    char base;
    int end;
    char c = s.charAt(k);
    if (c == '{') {
      int close = s.indexOf('}', k);
      if (close < 0 || close - k > 6) {
        return -1;
      }
      String inner = s.substring(k + 1, close).strip();
      if (inner.length() == 1 && isLetter(inner.charAt(0))) {
        base = inner.charAt(0);
      } else if (inner.equals("\\i") || inner.equals("\\j")) {
        base = inner.charAt(1);
      } else {
        return -1;
      }
      end = close + 1;
    } else if (c == '\\'
        && k + 1 < n
        && "ij".indexOf(s.charAt(k + 1)) >= 0
        && (k + 2 >= n || !isLetter(s.charAt(k + 2)))) {
      base = s.charAt(k + 1); // dotless i under an accent is just i with it
      end = skipSpaces(k + 2);
    } else if (isLetter(c)) {
      base = c;
      end = k + 1;
    } else {
      return -1;
    }
    out.append(
        java.text.Normalizer.normalize(
            base + String.valueOf(combining), java.text.Normalizer.Form.NFC));
    return end;
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

  // ---- groups, math, scripts, dashes

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

  private static boolean startsWithSwitch(String inner) {
    if (inner.isEmpty() || inner.charAt(0) != '\\') {
      return false;
    }
    int j = 1;
    while (j < inner.length() && isLetter(inner.charAt(j))) {
      j++;
    }
    return SWITCHES.contains(inner.substring(1, j))
        && (j == inner.length() || SWITCH_BREAK.indexOf(inner.charAt(j)) >= 0);
  }

  /**
   * {@code $...$} or {@code $$...$$}. As in Pandoc, an opening dollar must touch a non-space and a
   * closing one must follow a non-space, so "costs $5 and $10" stays prose; a span that starts with
   * a digit also may not close right before one ("$5-$10"), while "$\sim$10" still works.
   */
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
    int close = -1;
    boolean number = Character.isDigit(s.charAt(from));
    int limit = Math.min(n, from + MAX_MATH);
    // A closer is judged by its own neighbours, so where an earlier search found none (and was not
    // stricter than this one) there is none now: skipping that stretch keeps "$a $a $a ..." linear.
    int startAt =
        delimiter == 1 && (number || !noCloserStrict) ? Math.max(from + 1, noCloserUpTo) : from + 1;
    for (int k = startAt; k < limit; k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '$') {
        boolean afterSpace = Character.isWhitespace(s.charAt(k - 1));
        boolean beforeDigit = k + delimiter < n && Character.isDigit(s.charAt(k + delimiter));
        if (delimiter == 2
            ? k + 1 < n && s.charAt(k + 1) == '$'
            : !afterSpace && !(number && beforeDigit)) {
          close = k;
          break;
        }
      }
    }
    if (close < 0) {
      if (delimiter == 1) {
        noCloserUpTo = limit;
        noCloserStrict = number;
      }
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

  /** {@code x^2}, {@code x^{-1}}, {@code a_{ij}}, {@code f^\prime} as Unicode scripts, or fail. */
  private int script(int i, boolean superscript) {
    int k = skipSpaces(i + 1);
    int n = s.length();
    if (k >= n) {
      failed = true;
      return k;
    }
    String operand;
    int end;
    char c = s.charAt(k);
    if (c == '{') {
      end = matching(k);
      if (end < 0) {
        failed = true;
        return n;
      }
      operand = inner(s.substring(k + 1, end), true);
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
    String scripted = operand == null ? null : TexSymbols.script(operand, superscript);
    if (scripted == null) {
      failed = true;
      return end;
    }
    out.append(scripted);
    return end;
  }

  /** -- is an en dash and --- an em dash; arrows (-->, <--) and longer rules stay as written. */
  private int dashes(int i) {
    int n = s.length();
    int j = i;
    while (j < n && s.charAt(j) == '-') {
      j++;
    }
    int run = j - i;
    boolean arrow = (j < n && s.charAt(j) == '>') || (i > 0 && s.charAt(i - 1) == '<');
    if (run == 2 && !arrow) {
      out.append('–');
    } else if (run == 3 && !arrow) {
      out.append('—');
    } else {
      out.append(s, i, j);
    }
    return j;
  }

  // ---- scanning helpers

  /** The index of the brace closing the one at {@code open}, or -1; escaped braces do not count. */
  private int matching(int open) {
    if (depth >= MAX_DEPTH) {
      return -1;
    }
    if (closers == null) {
      closers = closers(s);
    }
    return closers[open];
  }

  /**
   * For each opening brace the index of its closing brace, found in one pass with a stack: looking
   * for it from each brace anew would be quadratic on "{{{{...", which a hostile title can be.
   */
  private static int[] closers(String s) {
    int n = s.length();
    int[] closers = new int[n];
    int[] stack = new int[Math.min(n, 1024)];
    int top = 0;
    java.util.Arrays.fill(closers, -1);
    for (int k = 0; k < n; k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '{') {
        if (top == stack.length) {
          stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        }
        stack[top++] = k;
      } else if (c == '}' && top > 0) {
        closers[stack[--top]] = k;
      }
    }
    return closers;
  }

  private int skipSpaces(int k) {
    while (k < s.length() && s.charAt(k) == ' ') {
      k++;
    }
    return k;
  }

  /** "\LaTeX{} is": the empty group only ends the command name. */
  private int emptyGroup(int k) {
    return s.startsWith("{}", k) ? k + 2 : k;
  }

  private boolean endsWithLetterOrDigit() {
    return !out.isEmpty() && Character.isLetterOrDigit(out.charAt(out.length() - 1));
  }

  private static boolean hasWhitespace(String t) {
    for (int k = 0; k < t.length(); k++) {
      if (Character.isWhitespace(t.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
