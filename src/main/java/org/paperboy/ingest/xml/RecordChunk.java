package org.paperboy.ingest.xml;

/**
 * One record cut out of a feed by {@link XmlRecordSplitter}: {@code body} is its text as it stands
 * in the input, starting on line {@code line}; {@code namespaces} the xmlns attributes in scope
 * around it. {@code problem} is null when the element was closed properly, otherwise it says why
 * the cut is incomplete (and {@code body} may be null).
 */
record RecordChunk(String name, long line, String namespaces, String body, String problem) {
  private static final String WRAPPER = "paperboy-chunk";
  static final String WRAPPER_END = "</" + WRAPPER + ">";

  /** A standalone document holding the element, whose first line is line {@link #line}. */
  String xml() {
    return wrapperStart(namespaces) + body + WRAPPER_END;
  }

  /** The start tag of the wrapper that re-declares {@code namespaces} around one or more chunks. */
  static String wrapperStart(String namespaces) {
    return "<" + WRAPPER + namespaces + ">";
  }
}
