package org.paperboy.ingest.xml;

/** The record {@link XmlRecordSplitter} is cutting: its text so far, capped, and where it began. */
final class RecordCut {
  /** A record is cut off when it grows past this many chars; no real record comes close. */
  static final int MAX_CHARS = 16 * 1024 * 1024;

  final String qName;
  private final String local;
  private final long line;
  private final String namespaces;
  private final StringBuilder text = new StringBuilder(4096);
  private boolean overflow;

  RecordCut(String qName, String local, long line, String namespaces) {
    this.qName = qName;
    this.local = local;
    this.line = line;
    this.namespaces = namespaces;
  }

  /** Where {@link XmlCharSource#text} copies the record's text; {@link #cap} follows. */
  StringBuilder buffer() {
    return text;
  }

  /** Cuts the text back to {@link #MAX_CHARS} after a bulk copy into {@link #buffer}. */
  void cap() {
    if (text.length() > MAX_CHARS) {
      text.setLength(MAX_CHARS);
      overflow = true;
    }
  }

  void append(char c) {
    if (text.length() < MAX_CHARS) text.append(c);
    else overflow = true;
  }

  void append(CharSequence s) {
    if (text.length() + s.length() <= MAX_CHARS) text.append(s);
    else overflow = true;
  }

  /** The finished chunk; {@code problem} null when the record closed properly. */
  RecordChunk done(String problem) {
    if (problem == null && overflow) {
      problem = "it is larger than " + MAX_CHARS / (1024 * 1024) + " M characters";
    }
    return new RecordChunk(local, line, namespaces, text.toString(), problem);
  }
}
