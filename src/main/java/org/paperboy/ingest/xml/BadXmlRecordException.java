package org.paperboy.ingest.xml;

import org.paperboy.ingest.RecordSink;

/**
 * One record of a feed cannot be read (its id is junk, its metadata format is unknown). Thrown
 * inside a parser and turned into {@link RecordSink#reject} there; never leaves the parser.
 */
public final class BadXmlRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadXmlRecordException(String message) {
    super(message);
  }
}
