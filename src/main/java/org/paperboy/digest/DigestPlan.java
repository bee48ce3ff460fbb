package org.paperboy.digest;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import org.paperboy.paper.Paper;

/** What one reader gets on one local date: papers in sections, each with its one reason. */
record DigestPlan(Subscription subscription, LocalDate date, int candidates, List<Item> items) {

  enum Section {
    ALERTS("Your alerts"),
    PICKS("Picked for you"),
    TRENDING("Trending");

    final String title;

    Section(String title) {
      this.title = title;
    }
  }

  record Item(Paper paper, Section section, String reason) {
    Item {
      requireNonNull(paper, "paper");
      requireNonNull(section, "section");
      requireNonNull(reason, "reason");
    }
  }

  DigestPlan {
    requireNonNull(subscription, "subscription");
    requireNonNull(date, "date");
    items = List.copyOf(items);
  }

  boolean empty() {
    return items.isEmpty();
  }
}
