package org.paperboy.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperRepository;

/**
 * The day's candidates for all the readers due at once: the papers first seen since the earliest
 * cut-off among them, newest first. A candidate is known by its position here; each reader's own
 * candidates are a prefix (those first seen after their cut-off, see {@link #window}).
 */
final class CandidatePool {
  static final int MAX_CANDIDATES = 5000;

  private final Paper[] papers;

  /** First-seen times in epoch milliseconds, in the order of {@link #papers}. */
  private final long[] firstSeen;

  private final Map<String, Integer> position = new HashMap<>();

  private CandidatePool(List<Paper> papers, long[] firstSeen) {
    this.papers = papers.toArray(Paper[]::new);
    this.firstSeen = firstSeen;
    for (int c = 0; c < this.papers.length; c++) position.put(this.papers[c].id(), c);
  }

  static CandidatePool load(NewPapers store, PaperRepository repo, Instant since, Instant now) {
    List<Map.Entry<String, Instant>> rows = store.since(since, now, MAX_CANDIDATES);
    Map<String, Paper> found = repo.findAll(rows.stream().map(Map.Entry::getKey).toList());
    List<Paper> ps = new ArrayList<>();
    long[] seen = new long[rows.size()];
    for (var r : rows) {
      Paper p = found.get(r.getKey());
      if (p == null) continue;
      seen[ps.size()] = r.getValue().toEpochMilli();
      ps.add(p);
    }
    return new CandidatePool(ps, Arrays.copyOf(seen, ps.size()));
  }

  static CandidatePool empty() {
    return new CandidatePool(List.of(), new long[0]);
  }

  int size() {
    return papers.length;
  }

  Paper get(int c) {
    return papers[c];
  }

  List<Paper> papers() {
    return Arrays.asList(papers);
  }

  /** The position of candidate {@code id}; null when it is not one. */
  Integer position(String id) {
    return position.get(id);
  }

  /** How many candidates (a prefix, newest first) were first seen after {@code since}. */
  int window(Instant since) {
    long t = since.toEpochMilli();
    int lo = 0, hi = firstSeen.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (firstSeen[mid] > t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
