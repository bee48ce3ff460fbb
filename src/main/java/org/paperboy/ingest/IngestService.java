package org.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.LongConsumer;
import org.paperboy.PaperboyException;
import org.paperboy.ingest.formats.Format;
import org.paperboy.store.PaperRepository;

/**
 * Ingests feeds into the store: files of any supported format (gzip or not) and anything else that
 * can write into a {@link RecordSink}, such as the live sources. Every record goes through the same
 * normalise, check, merge and batch-upsert path, and listeners hear about every committed batch.
 */
public final class IngestService {
  private final PaperRepository papers;
  private final Clock clock;
  private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService writerThread;

  /**
   * Ingest whose batches are stored on {@code writer}, a single thread the caller owns (the app's);
   * runs at the same time keep their own order on it.
   */
  public IngestService(PaperRepository papers, Clock clock, ExecutorService writer) {
    this.papers = papers;
    this.clock = clock;
    this.writerThread = writer;
  }

  public void addListener(IngestListener listener) {
    listeners.add(listener);
  }

  /** Something that writes records into a sink, e.g. a parser over an open stream. */
  @FunctionalInterface
  public interface Producer {
    void produce(RecordSink sink) throws IOException;
  }

  /** Ingests one file; {@code format} null means sniff it from the content. */
  public IngestReport ingestFile(Path file, Format format, ProgressListener progress) {
    try (FeedFile feed = FeedFile.open(file, format)) {
      String name = file.getFileName().toString();
      return run(
          name,
          sink -> feed.format.newParser().parse(feed.content, name, sink),
          records -> progress.update(records, feed.bytesRead(), feed.size));
    } catch (IOException e) {
      throw new PaperboyException("reading " + file + " failed: " + e.getMessage(), e);
    }
  }

  /** Ingests a stream of a known format (the bundled sample corpus, uploads, tests). */
  public IngestReport ingest(InputStream in, String name, Format format) {
    return run(name, sink -> format.newParser().parse(in, name, sink), records -> {});
  }

  /**
   * Runs {@code producer} into a fresh batch writer and returns what it did. {@code onBatch} hears
   * the number of records stored so far after each batch (from the writer thread).
   */
  public IngestReport run(String name, Producer producer, LongConsumer onBatch) {
    BatchWriter[] holder = new BatchWriter[1];
    BatchWriter writer =
        new BatchWriter(
            papers,
            listeners,
            clock,
            name,
            () -> onBatch.accept(holder[0].written()),
            writerThread);
    holder[0] = writer;
    try {
      producer.produce(writer);
    } catch (IOException e) {
      writer.abort();
      throw new PaperboyException("reading " + name + " failed: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    IngestReport report = writer.finish();
    onBatch.accept(writer.records());
    return report;
  }
}
