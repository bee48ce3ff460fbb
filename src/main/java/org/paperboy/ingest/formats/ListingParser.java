package org.paperboy.ingest.formats;

import java.io.IOException;
import java.io.InputStream;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.text.BoundedLines;
import org.paperboy.paper.Paper;

/**
 * A plain listing, as captured from a trending-papers page: a title line followed by an abstract
 * line, blank lines ignored, no ids (the builder derives one from the title).
 *
 * <p>Pages put banner lines ("Get trending papers in your email inbox!") before the first paper, so
 * instead of matching known banners the parser pairs lines by shape: an abstract is a long line
 * ({@value #ABSTRACT_MIN_CHARS}+ characters; real titles stay under 150, real abstracts above 700)
 * and its title is the shorter non-blank line just before it. Lines that pair with nothing are
 * banners before the first paper and are skipped; after it they are rejected, so a damaged listing
 * is visible in the counts instead of silently shrinking.
 */
final class ListingParser implements FeedParser {
  static final int ABSTRACT_MIN_CHARS = 200;
  static final int MAX_LINE = 1 << 20;

  /**
   * The page's "Subscribe" button text ends up glued to the first title: "SubscribeLearning ...".
   */
  private static final String SUBSCRIBE = "Subscribe";

  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) throws IOException {
    BoundedLines lines = new BoundedLines(FeedText.reader(in), MAX_LINE);
    String pending = null; // the line that may be the title of the next one
    long pendingLine = 0;
    boolean seenPaper = false;
    long lineNo = 0;
    for (String raw = lines.next(); raw != null; raw = lines.next()) {
      lineNo++;
      if (lines.tooLong()) {
        sink.reject(
            lineNo, "line is longer than " + MAX_LINE + " characters; not a title or an abstract");
        continue;
      }
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (pending != null && isAbstract(line) && pending.length() < line.length()) {
        String title = seenPaper ? pending : unglueSubscribe(pending);
        Paper.Builder paper = Paper.builder().title(title).abstractText(line).addSource("listing");
        sink.accept(paper, pendingLine);
        seenPaper = true;
        pending = null;
        continue;
      }
      if (pending != null && seenPaper) {
        sink.reject(pendingLine, orphan(pending));
      }
      pending = line;
      pendingLine = lineNo;
    }
    if (pending != null && seenPaper) {
      sink.reject(pendingLine, orphan(pending));
    }
  }

  private static boolean isAbstract(String line) {
    return line.length() >= ABSTRACT_MIN_CHARS;
  }

  private static String orphan(String line) {
    return isAbstract(line)
        ? "an abstract line with no title line before it: '" + abbreviate(line) + "'"
        : "a title line with no abstract line after it: '" + abbreviate(line) + "'";
  }

  /** Only when a capital or digit follows: a title may well start with "Subscribers". */
  static String unglueSubscribe(String title) {
    if (title.length() > SUBSCRIBE.length()
        && title.startsWith(SUBSCRIBE)
        && (Character.isUpperCase(title.charAt(SUBSCRIBE.length()))
            || Character.isDigit(title.charAt(SUBSCRIBE.length())))) {
      return title.substring(SUBSCRIBE.length()).strip();
    }
    return title;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
