package org.paperboy.ingest.text;

import static org.paperboy.ingest.text.TexSymbols.SWITCHES;

import java.util.Arrays;

/**
 * Character-level questions {@link TexDecoder} asks of its input: where a brace closes, where
 * spaces end, whether a group starts with a font switch. Each answer costs at most one pass, so
 * hostile titles stay linear.
 */
final class TexScan {
  private static final String SWITCH_BREAK = " \t\n{}\\";

  private TexScan() {}

  /**
   * For each opening brace the index of its closing brace (-1 for none; escaped braces do not
   * count), found in one pass with a stack: looking for it from each brace anew would be quadratic
   * on "{{{{...", which a hostile title can be.
   */
  static int[] closers(String s) {
    int n = s.length();
    int[] closers = new int[n];
    int[] stack = new int[Math.min(n, 1024)];
    int top = 0;
    Arrays.fill(closers, -1);
    for (int k = 0; k < n; k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '{') {
        if (top == stack.length) {
          stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[top++] = k;
      } else if (c == '}' && top > 0) {
        closers[stack[--top]] = k;
      }
    }
    return closers;
  }

  static int skipSpaces(String s, int k) {
    while (k < s.length() && s.charAt(k) == ' ') {
      k++;
    }
    return k;
  }

  /** "\LaTeX{} is": the empty group only ends the command name. */
  static int emptyGroup(String s, int k) {
    return s.startsWith("{}", k) ? k + 2 : k;
  }

  /** True for {@code \em ...}, {@code \bf ...}: a group that is a font switch and its text. */
  static boolean startsWithSwitch(String inner) {
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

  static boolean hasWhitespace(String t) {
    for (int k = 0; k < t.length(); k++) {
      if (Character.isWhitespace(t.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * The run of hyphens at {@code i}: -- is an en dash and --- an em dash; arrows (-->, <--) and
   * longer rules stay as written. Appends it and returns the index after the run.
   */
  static int dashes(String s, int i, StringBuilder out) {
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
}
