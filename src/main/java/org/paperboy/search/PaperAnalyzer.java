package org.paperboy.search;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis for titles and abstracts: Lucene's English chain (possessives, stop words,
 * Porter stemming) plus two things papers need. Acronyms stay whole and lose their plural ({@link
 * AcronymFilter}), and hyphenated words also index joined ({@link HyphenFilter}). The same chain
 * runs on queries, so both sides always agree.
 */
final class PaperAnalyzer extends Analyzer {
  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new HyphenCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    source.setMaxTokenLength(64);
    TokenStream t = new HyphenFilter(source);
    t = new AcronymFilter(t);
    t = new LowerCaseFilter(t);
    t = new ASCIIFoldingFilter(t);
    t = new EnglishPossessiveFilter(t);
    t = new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    t = new PorterStemFilter(t);
    return new TokenStreamComponents(source, t);
  }

  /** A phrase never runs from the title into its copy or the abstract (values of one field). */
  @Override
  public int getPositionIncrementGap(String fieldName) {
    return 100;
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
