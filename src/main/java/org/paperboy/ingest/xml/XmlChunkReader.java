package org.paperboy.ingest.xml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperboy.ingest.RecordSink;
import org.paperboy.paper.Paper;

/**
 * Reads the chunks of {@link XmlRecordSplitter} with StAX and hands the results to the sink: a
 * paper is accepted only once its whole element has been read without error; a chunk that is not
 * well-formed, or whose content cannot be read, is rejected on the line where it starts.
 *
 * <p>Creating a StAX reader costs about as much as parsing a record, so chunks are read in batches
 * with one reader, optimistically. When a batch fails, the records before the failure are already
 * handed over and the rest are read one by one, which pins the fault to its record. A {@link
 * org.paperboy.BadInputException} (the feed as a whole is unusable) passes through.
 */
public final class XmlChunkReader implements XmlRecordSplitter.Handler {
  private static final int BATCH_RECORDS = 64;
  private static final int BATCH_CHARS = 1024 * 1024;

  /**
   * Reads the element the reader is on, leaving the reader on its END_ELEMENT; returns the paper to
   * accept, or null when the element is not a paper (paging facts, a deleted record).
   */
  public interface ElementReader {
    Paper.Builder read(XMLStreamReader r) throws XMLStreamException;
  }

  private final XMLInputFactory factory;
  private final RecordSink sink;
  private final ElementReader reader;
  private final List<RecordChunk> batch = new ArrayList<>();
  private int batchChars;

  public XmlChunkReader(XMLInputFactory factory, RecordSink sink, ElementReader reader) {
    this.factory = factory;
    this.sink = sink;
    this.reader = reader;
  }

  @Override
  public void chunk(RecordChunk chunk) {
    if (chunk.problem() != null) {
      flush();
      sink.reject(chunk.line(), "<" + chunk.name() + "> is not well-formed: " + chunk.problem());
      return;
    }
    if (!batch.isEmpty() && !batch.get(0).namespaces().equals(chunk.namespaces())) {
      flush();
    }
    batch.add(chunk);
    batchChars += chunk.body().length();
    if (batch.size() >= BATCH_RECORDS || batchChars >= BATCH_CHARS) {
      flush();
    }
  }

  /** Reads the chunks collected so far; call it once more when the splitter is done. */
  public void flush() {
    if (batch.isEmpty()) {
      return;
    }
    List<RecordChunk> chunks = List.copyOf(batch);
    batch.clear();
    batchChars = 0;
    for (int i = chunks.size() == 1 ? 0 : readTogether(chunks); i < chunks.size(); i++) {
      readAlone(chunks.get(i));
    }
  }

  /** Returns how many chunks were read and handed over before the first problem. */
  private int readTogether(List<RecordChunk> chunks) {
    StringBuilder doc = new StringBuilder(chunks.size() * 4096);
    doc.append(RecordChunk.wrapperStart(chunks.get(0).namespaces()));
    chunks.forEach(c -> doc.append(c.body()));
    doc.append(RecordChunk.WRAPPER_END);
    int done = 0;
    try {
      XMLStreamReader r = factory.createXMLStreamReader(new StringReader(doc.toString()));
      r.nextTag();
      for (RecordChunk chunk : chunks) {
        r.nextTag();
        Paper.Builder paper = reader.read(r);
        done++;
        if (paper != null) {
          sink.accept(paper, chunk.line());
        }
      }
      r.close();
    } catch (XMLStreamException | BadXmlRecordException e) {
      // the chunk at index done is at fault; it is read again on its own for a precise message
    }
    return done;
  }

  private void readAlone(RecordChunk chunk) {
    Paper.Builder paper;
    try {
      XMLStreamReader r = factory.createXMLStreamReader(new StringReader(chunk.xml()));
      r.nextTag(); // the wrapper
      r.nextTag(); // the captured element
      paper = reader.read(r);
      while (r.hasNext()) {
        r.next(); // to the end, so that nothing after the element goes unchecked
      }
      r.close();
    } catch (XMLStreamException e) {
      sink.reject(chunk.line(), XmlChunks.describe(chunk, e));
      return;
    } catch (BadXmlRecordException e) {
      sink.reject(chunk.line(), "<" + chunk.name() + "> " + e.getMessage());
      return;
    }
    if (paper != null) {
      sink.accept(paper, chunk.line());
    }
  }
}
