package org.paperboy.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.paperboy.BatchWorkers;
import org.paperboy.PaperboyException;
import org.paperboy.ingest.text.Normalizer;
import org.paperboy.paper.Paper;
import org.paperboy.paper.TitleKey;
import org.paperboy.store.PaperRepository;

/**
 * The sink every parser and live source writes into: normalises and checks each record, merges
 * duplicates, and upserts in batches of {@value #BATCH} — one transaction each, so an interrupted
 * ingest leaves whole batches behind and a re-run finds them unchanged.
 */
final class BatchWriter implements RecordSink {
  static final int BATCH = 1_000;

  private final PaperRepository papers;
  private final List<IngestListener> listeners;
  private final Clock clock;
  private final String sourceName;
  private final IngestCounter counter = new IngestCounter();
  private final Map<String, Paper> pending = new LinkedHashMap<>();
  private final Runnable onFlush;
  // One writer thread: batches are stored in order, one transaction each.
  private final BatchWorkers writer;
  private final AtomicLong written = new AtomicLong();
  private long batches; // reader thread only: the number of the next batch, for error messages
  // Whether the store holds title-only papers, asked once per run (writer thread only): a bulk
  // ingest of arXiv papers then skips the title look-up, a third of its database time.
  private Boolean titleOnlyStored;
  // Whether the store was empty when this run began (writer thread only): then the ids in runIds
  // are all the store holds, and a batch looks up only the ids the filter may have seen.
  private Boolean startedEmpty;
  private RunIds runIds;

  BatchWriter(
      PaperRepository papers,
      List<IngestListener> listeners,
      Clock clock,
      String sourceName,
      Runnable onFlush,
      ExecutorService writerThread) {
    this.writer = new BatchWorkers("ingest", writerThread, 1);
    this.papers = papers;
    this.listeners = listeners;
    this.clock = clock;
    this.sourceName = sourceName;
    this.onFlush = onFlush;
  }

  @Override
  public void accept(Paper.Builder b, long line) {
    counter.records++;
    Normalizer.normalize(b);
    tidyLists(b);
    if (b.title() == null || b.title().isBlank()) {
      reject(line, "the title is missing" + describe(b));
      return;
    }
    if (b.abstractText() == null || b.abstractText().isBlank()) {
      reject(line, "the abstract is missing" + describe(b));
      return;
    }
    Paper paper;
    try {
      paper = b.build();
    } catch (RuntimeException e) {
      reject(line, e.getMessage());
      return;
    }
    String violation = PaperLimits.violation(paper);
    if (violation != null) {
      reject(line, violation + describe(b));
      return;
    }
    pending.merge(paper.id(), paper, PaperMerger::merge);
    if (pending.size() >= BATCH) flush();
  }

  @Override
  public void reject(long line, String reason) {
    counter.records++;
    counter.reject(sourceName + (line > 0 ? ":" + line : "") + ": " + reason);
  }

  long records() {
    return counter.records;
  }

  /** Stores what is pending, waits for the writer and reports; the writer thread ends here. */
  IngestReport finish() {
    try {
      flush();
      writer.finish();
      return counter.report();
    } finally {
      writer.close();
    }
  }

  /**
   * After the reader failed: lets the batches already handed over finish (they hold whole records),
   * then ends the writer thread. Never interrupts a write: an interrupt inside H2's file I/O would
   * close the database under everyone.
   */
  void abort() {
    writer.close();
  }

  long written() {
    return written.get();
  }

  /** Blank or repeated list entries would not survive a round trip through the store. */
  private static void tidyLists(Paper.Builder b) {
    b.authors(tidy(b.authors()));
    b.categories(tidy(b.categories()));
  }

  private static List<String> tidy(List<String> values) {
    var out = new java.util.LinkedHashSet<String>();
    for (String v : values) {
      String tidy = v == null ? "" : Normalizer.spaces(v);
      if (!tidy.isEmpty()) out.add(tidy);
    }
    return new ArrayList<>(out);
  }

  private static String describe(Paper.Builder b) {
    return b.id() != null ? " (paper " + b.id() + ")" : "";
  }

  /**
   * Hands the pending papers to the writer thread. Parsing the next batch overlaps with storing
   * this one; at most one batch waits behind the one being written, so memory stays flat.
   */
  void flush() {
    if (pending.isEmpty()) return;
    List<Paper> batch = new ArrayList<>(pending.values());
    pending.clear();
    // Title hashes are computed here, on the reader thread, which waits for the writer anyway.
    TitleHashes hashes = new TitleHashes(batch);
    long number = ++batches;
    // issue 14 item 23: a failure names the batch, not the 3 KB statement with its 1,000 ids.
    writer.submit(
        () -> {
          try {
            write(batch, hashes);
          } catch (RuntimeException e) {
            throw BatchFailure.of(number, batch, e);
          }
        });
  }

  /** Resolves title-only ids, merges with what is stored and upserts; runs on the writer thread. */
  private void write(List<Paper> pendingBatch, TitleHashes titleHashes) {
    if (startedEmpty == null) {
      startedEmpty = papers.count() == 0;
      if (startedEmpty) runIds = new RunIds();
    }
    write(pendingBatch, titleHashes, startedEmpty);
  }

  private void write(List<Paper> pendingBatch, TitleHashes titleHashes, boolean skipNewIds) {
    boolean titleOnly = pendingBatch.stream().anyMatch(p -> !p.hasArxivId());
    List<Paper> batch = titleOnly ? joinByTitle(pendingBatch) : pendingBatch;
    if (titleOnlyStored == null) titleOnlyStored = papers.hasTitleOnlyPapers();
    titleOnlyStored |= titleOnly;
    List<String> hashes = new ArrayList<>(batch.size());
    if (titleOnlyStored) {
      for (Paper p : batch) hashes.add(titleHashes.apply(p.title()));
    }
    Map<String, String> storedIdByHash =
        titleOnlyStored ? papers.findIdsByTitleHashes(new HashSet<>(hashes)) : Map.of();

    Set<String> lookUp = new HashSet<>();
    Map<String, String> absorb = new HashMap<>(); // arXiv id -> stored title-only id it takes over
    List<Paper> resolved = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Paper p = batch.get(i);
      String storedId = titleOnlyStored ? storedIdByHash.get(hashes.get(i)) : null;
      if (!p.hasArxivId() && storedId != null) {
        p = p.toBuilder().id(storedId).build();
        lookUp.add(storedId);
      } else if (p.hasArxivId() && storedId != null && TitleKey.isTitleId(storedId)) {
        absorb.put(p.id(), storedId);
        lookUp.add(storedId);
      }
      if (!skipNewIds || runIds.mightContain(p.id())) lookUp.add(p.id());
      resolved.add(p);
    }
    Map<String, Paper> stored = papers.findAll(lookUp);

    List<Paper> inserts = new ArrayList<>();
    List<Paper> updates = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    long added = 0;
    long updated = 0;
    long unchanged = 0;
    var now = clock.instant();
    for (Paper p : resolved) {
      Paper known = stored.get(p.id());
      Paper absorbed = absorb.containsKey(p.id()) ? stored.get(absorb.get(p.id())) : null;
      if (absorbed != null) {
        deletes.add(absorbed.id());
        known =
            known == null
                ? absorbed.toBuilder().id(p.id()).build()
                : PaperMerger.merge(known, absorbed);
      }
      if (known == null) {
        inserts.add(p.toBuilder().firstSeen(now).build());
        added++;
        continue;
      }
      Paper merged = PaperMerger.merge(known, p);
      if (merged.equals(known) && absorbed == null) {
        unchanged++;
      } else if (stored.containsKey(p.id())) {
        updates.add(merged);
        updated++;
      } else {
        inserts.add(merged);
        updated++;
      }
    }
    try {
      papers.write(inserts, updates, deletes, now, titleHashes);
    } catch (PaperboyException e) {
      if (!skipNewIds) throw e;
      // Another process stored some of these ids since this run began (the store can be shared):
      // the transaction rolled back, so do the batch again, looking every id up from now on.
      startedEmpty = false;
      write(pendingBatch, titleHashes, false);
      return;
    }
    counter.added += added;
    counter.updated += updated;
    counter.unchanged += unchanged;
    if (startedEmpty) {
      for (Paper p : inserts) runIds.add(p.id());
    }
    if (!inserts.isEmpty() || !updates.isEmpty() || !deletes.isEmpty()) {
      List<Paper> changed = new ArrayList<>(inserts);
      changed.addAll(updates);
      for (IngestListener l : listeners) l.stored(changed, deletes);
    }
    written.addAndGet(pendingBatch.size());
    onFlush.run();
  }

  /** Within one batch, a title-only paper joins the arXiv paper with the same title. */
  private static List<Paper> joinByTitle(List<Paper> batch) {
    Map<String, Paper> byKey = new HashMap<>();
    for (Paper p : batch) {
      if (p.hasArxivId()) byKey.putIfAbsent(TitleKey.of(p.title()), p);
    }
    if (byKey.isEmpty()) return batch;
    Map<String, Paper> out = new LinkedHashMap<>();
    for (Paper p : batch) {
      Paper target = p.hasArxivId() ? null : byKey.get(TitleKey.of(p.title()));
      if (target != null) {
        out.merge(
            target.id(), p.toBuilder().id(target.id()).build(), (a, b) -> PaperMerger.merge(a, b));
      } else {
        out.merge(p.id(), p, PaperMerger::merge);
      }
    }
    return new ArrayList<>(out.values());
  }
}
