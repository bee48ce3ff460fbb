package org.paperboy.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.paperboy.digest.DigestPlan.Item;
import org.paperboy.digest.DigestPlan.Section;
import org.paperboy.paper.Paper;

/**
 * One reader's digest while it is being filled, section by section: what they may still get (their
 * window of candidates, minus what they were sent) and what is in it already (never a paper twice).
 */
final class Draft {
  final Subscription reader;

  /** The reader's candidates are positions 0 (inclusive) to this (exclusive). */
  final int window;

  private final int[] sentKeys;
  private final Set<String> taken = new HashSet<>();
  private final List<Item> items = new ArrayList<>();

  /** {@code sentKeys}: the {@link SentPapers} keys of what the reader was sent, ascending. */
  Draft(Subscription reader, int window, int[] sentKeys) {
    this.reader = reader;
    this.window = window;
    this.sentKeys = sentKeys;
  }

  /** How many of the reader's candidates they were not sent yet. */
  int available() {
    int n = window;
    for (int k : sentKeys) if (k < window) n--;
    return n;
  }

  /** Whether the paper with {@link SentPapers} key {@code key} was sent to this reader. */
  boolean wasSent(int key) {
    return key >= 0 && sentKeys.length > 0 && Arrays.binarySearch(sentKeys, key) >= 0;
  }

  /** Candidate {@code c} is the reader's and was never sent to them. */
  boolean open(int c) {
    return c < window && !wasSent(c);
  }

  boolean has(String paperId) {
    return taken.contains(paperId);
  }

  /** Adds the paper unless it is in already; true when added. */
  boolean add(Paper p, Section section, String reason) {
    if (!taken.add(p.id())) return false;
    items.add(new Item(p, section, reason));
    return true;
  }

  int size() {
    return items.size();
  }

  DigestPlan plan(LocalDate date) {
    return new DigestPlan(reader, date, available(), items);
  }
}
