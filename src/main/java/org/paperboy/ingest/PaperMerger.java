package org.paperboy.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.paper.Paper;

/**
 * Merges two descriptions of the same paper. The one with the higher arXiv version wins the text
 * (title, abstract, authors, comments); on a tie the one already known wins, so re-reading a feed
 * changes nothing. Dates widen (first published, last updated), links fill each other's gaps,
 * signals keep the larger counts, sources unite.
 */
final class PaperMerger {
  private PaperMerger() {}

  static Paper merge(Paper known, Paper incoming) {
    boolean newer = incoming.version() > known.version();
    Paper win = newer ? incoming : known;
    Paper lose = newer ? known : incoming;
    List<String> sources = new ArrayList<>(known.sources());
    sources.addAll(incoming.sources());
    return Paper.builder()
        .id(known.id())
        .version(Math.max(known.version(), incoming.version()))
        .title(win.title())
        .abstractText(win.abstractText())
        .authors(win.authors().isEmpty() ? lose.authors() : win.authors())
        .categories(win.categories().isEmpty() ? lose.categories() : win.categories())
        .published(min(known.published(), incoming.published()))
        .updated(max(known.updated(), incoming.updated()))
        .doi(or(win.doi(), lose.doi()))
        .journalRef(or(win.journalRef(), lose.journalRef()))
        .comments(or(win.comments(), lose.comments()))
        .license(or(win.license(), lose.license()))
        .links(win.links().orElse(lose.links()))
        .signals(known.signals().merge(incoming.signals()))
        .sources(sources)
        .firstSeen(known.firstSeen())
        .build();
  }

  private static <T> T or(T a, T b) {
    return a != null ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.isAfter(b) ? a : b;
  }
}
