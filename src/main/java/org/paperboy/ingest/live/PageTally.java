package org.paperboy.ingest.live;

import java.net.URI;
import org.paperboy.ingest.PageInfo;
import org.paperboy.ingest.RecordSink;
import org.paperboy.paper.Paper;

/**
 * Passes one page's records on while counting them and keeping its paging facts, which is all a
 * paging client needs to know where to go next. Reject reasons get the page URL, because a line
 * number alone does not say which of many pages it is in.
 */
final class PageTally implements RecordSink {
  private final RecordSink target;
  private final URI page;
  private long records;
  private PageInfo info;

  PageTally(RecordSink target, URI page) {
    this.target = target;
    this.page = page;
  }

  @Override
  public void accept(Paper.Builder paper, long line) {
    records++;
    target.accept(paper, line);
  }

  @Override
  public void reject(long line, String reason) {
    records++;
    target.reject(line, reason + " (in " + page + ")");
  }

  @Override
  public void page(PageInfo pageInfo) {
    info = pageInfo;
    target.page(pageInfo);
  }

  /** Records on this page, rejected ones included: they still occupy a place in the result. */
  long records() {
    return records;
  }

  /** The page's paging facts, or null when the parser reported none. */
  PageInfo info() {
    return info;
  }
}
