package org.paperboy.search;

import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Keeps acronyms whole: "MLLMs" becomes the keyword {@code mllm} that the stemmer leaves alone.
 * Must run before lower-casing, because capitals are what make a token an acronym. When stemming
 * the lower-cased word would give something else ("ROUGE" -> "roug"), that form is stacked at the
 * same position too, so a reader who types the acronym in lower case still finds it.
 */
final class AcronymFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final PorterStemmer stemmer = new PorterStemmer();
  private State saved;
  private String stacked;

  AcronymFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (stacked != null) {
      restoreState(saved);
      term.setEmpty().append(stacked);
      keyword.setKeyword(false);
      posInc.setPositionIncrement(0);
      stacked = null;
      return true;
    }
    if (!input.incrementToken()) return false;
    String core = Acronyms.fold(term);
    if (core == null) return true;
    String lower = term.toString().toLowerCase(Locale.ROOT);
    String folded = core.toLowerCase(Locale.ROOT);
    term.setEmpty().append(folded);
    keyword.setKeyword(true);
    if (!stem(lower).equals(folded)) {
      saved = captureState();
      stacked = lower;
    }
    return true;
  }

  private String stem(String word) {
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    stacked = null;
    saved = null;
  }
}
