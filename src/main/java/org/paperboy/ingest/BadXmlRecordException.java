package org.paperboy.ingest;

/**
 * One record of a feed cannot be read (its id is junk, its metadata format is unknown). Thrown
 * inside a parser and turned into {@link RecordSink#reject} there; never leaves the parser.
 */
final class BadXmlRecordException extends RuntimeException {
  BadXmlRecordException(String message) {
    super(message);
  }
}
