package org.paperboy.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds acronym definitions such as "Multimodal Large Language Models (MLLMs)" with the
 * Schwartz-Hearst algorithm (PSB 2003): the letters of the short form must appear, in order, in the
 * words just before the parenthesis, the first letter starting a word. It is simple, needs no
 * training data and is precise on abstracts.
 */
final class AcronymMiner {
  /** A definition found in one paper: {@code MLLM} -> {@code multimodal large language model}. */
  record Definition(String shortForm, String longForm) {}

  private static final Pattern PAREN =
      Pattern.compile("\\(\\s*([\\p{L}][\\p{L}\\p{N}-]{1,15})\\s*[);,]");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern EDGE_PUNCTUATION =
      Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
  private static final Set<String> JOINED_PREFIXES =
      Set.of("multi", "pre", "post", "non", "co", "semi", "sub", "uni", "bi", "tri", "re");

  private AcronymMiner() {}

  static Set<Definition> mine(String text) {
    Set<Definition> found = new LinkedHashSet<>();
    Matcher m = PAREN.matcher(text);
    while (m.find()) {
      String shortForm = Acronyms.fold(m.group(1).replace("-", ""));
      if (shortForm == null) continue;
      String before = sentenceBefore(text, m.start());
      String longForm = longForm(shortForm, before);
      if (longForm != null) found.add(new Definition(shortForm, normalize(longForm)));
    }
    return found;
  }

  /** The text between the previous sentence or clause boundary and {@code end}. */
  private static String sentenceBefore(String text, int end) {
    int start = end;
    while (start > 0) {
      char c = text.charAt(start - 1);
      if (c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '\n') break;
      start--;
    }
    return text.substring(start, end).strip();
  }

  /** Schwartz-Hearst's best long form for {@code sf} at the end of {@code before}, or null. */
  static String longForm(String sf, String before) {
    String[] words = before.split("\\s+");
    int maxWords = Math.min(sf.length() + 5, sf.length() * 2);
    int from = Math.max(0, words.length - maxWords);
    String candidate = String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
    String lf = candidate.toLowerCase(Locale.ROOT);
    String s = sf.toLowerCase(Locale.ROOT);
    int si = s.length() - 1;
    int li = lf.length() - 1;
    while (si >= 0) {
      char c = s.charAt(si);
      if (!Character.isLetterOrDigit(c)) {
        si--;
        continue;
      }
      while (li >= 0
          && (lf.charAt(li) != c
              || (si == 0 && li > 0 && Character.isLetterOrDigit(lf.charAt(li - 1))))) {
        li--;
      }
      if (li < 0) return null;
      li--;
      si--;
    }
    int start = lf.lastIndexOf(' ', li) + 1;
    String result = candidate.substring(start).strip();
    if (result.length() <= sf.length() || !result.contains(" ") && !result.contains("-"))
      return null;
    if (result.toUpperCase(Locale.ROOT).contains(sf)) return null; // "the MLLM model (MLLM)"
    return result;
  }

  /**
   * One spelling per long form so counts add up: lower case, no punctuation at the ends, the last
   * word singular, "multi-modal" as "multimodal" and other hyphens as spaces ("vision-language" and
   * "vision language" are the same reading).
   */
  static String normalize(String longForm) {
    List<String> words = words(longForm);
    if (words.isEmpty()) return "";
    words.set(words.size() - 1, singular(words.get(words.size() - 1)));
    return String.join(" ", words);
  }

  /** The words of {@code text} spelled as in {@link #normalize}, none made singular. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : SPACE.split(text.toLowerCase(Locale.ROOT).strip())) {
      String w = EDGE_PUNCTUATION.matcher(raw).replaceAll("");
      int dash = w.indexOf('-');
      if (dash > 0 && JOINED_PREFIXES.contains(w.substring(0, dash))) {
        w = w.substring(0, dash) + w.substring(dash + 1);
      }
      for (String part : w.split("-")) {
        if (!part.isEmpty()) out.add(part);
      }
    }
    return out;
  }

  static String singular(String w) {
    if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
    if (w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is")
        && w.length() > 3) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
