package org.paperboy.rank;

import java.time.LocalDate;
import java.util.List;

/** A trending list and the feed day its window ends on (the newest day with papers). */
public record Trending(Window window, LocalDate feedDay, List<TrendingItem> items) {
  public Trending {
    items = List.copyOf(items);
  }
}
