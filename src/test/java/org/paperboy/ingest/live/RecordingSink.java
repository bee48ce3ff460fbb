package org.paperboy.ingest.live;

import java.util.ArrayList;
import java.util.List;
import org.paperboy.ingest.PageInfo;
import org.paperboy.ingest.RecordSink;
import org.paperboy.paper.Paper;

/** Keeps everything a source delivers, for assertions. */
final class RecordingSink implements RecordSink {
  final List<Paper.Builder> papers = new ArrayList<>();
  final List<String> rejects = new ArrayList<>();
  final List<PageInfo> pages = new ArrayList<>();

  @Override
  public synchronized void accept(Paper.Builder paper, long line) {
    papers.add(paper);
  }

  @Override
  public synchronized void reject(long line, String reason) {
    rejects.add("line " + line + ": " + reason);
  }

  @Override
  public synchronized void page(PageInfo info) {
    pages.add(info);
  }

  List<String> ids() {
    return papers.stream().map(Paper.Builder::id).toList();
  }
}
