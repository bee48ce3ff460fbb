package org.paperboy.ingest.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Cuts an XML feed into one chunk per record ({@code <entry>}, {@code <record>}, ...) so that each
 * record can be parsed on its own: a StAX reader gives up at the first well-formedness error, and
 * one broken record must not cost the rest of the file.
 *
 * <p>This is a light, streaming tokenizer, not a parser: it recognises tags, comments, CDATA and
 * declarations, keeps only the text of the record being cut, and leaves every well-formedness check
 * to StAX. Each chunk is wrapped in an element that re-declares the namespaces in scope where it
 * was cut, and starts on the line where the record starts, so StAX line numbers inside a chunk map
 * straight back to the file.
 */
public final class XmlRecordSplitter {

  /** A tag longer than this is not a tag but broken text with a stray {@code <}. */
  private static final int MAX_TAG_CHARS = 64 * 1024;

  /**
   * What the splitter saw of the document as a whole. {@code cutAtEnd}: the input ended inside a
   * captured element (already reported as that chunk's problem).
   */
  public record Outline(String rootName, boolean rootClosed, boolean cutAtEnd, long lastLine) {}

  interface Handler {
    void chunk(RecordChunk chunk);
  }

  private final Set<String> captured;

  /** {@code captured}: local names of the elements to cut out, e.g. {@code entry}. */
  public XmlRecordSplitter(Set<String> captured) {
    this.captured = Set.copyOf(captured);
  }

  public Outline split(InputStream in, Handler handler) throws IOException {
    return new Run(new XmlCharSource(in), handler).run();
  }

  /** The state of one pass over one input. */
  private final class Run {
    private final XmlCharSource src;
    private final Handler handler;
    private final StringBuilder tag = new StringBuilder();

    private final OpenElements open = new OpenElements();
    private String rootName;
    private boolean rootClosed;
    private RecordCut chunk; // the record being cut, if any

    Run(XmlCharSource src, Handler handler) {
      this.src = src;
      this.handler = handler;
    }

    Outline run() throws IOException {
      while (src.text(chunk == null ? null : chunk.buffer())) {
        if (chunk != null) {
          chunk.cap();
        }
        if (src.peek() == '<') {
          src.read();
          markup(src.line());
        }
      }
      boolean cutAtEnd = chunk != null;
      if (cutAtEnd) {
        finish("the input ends before its closing </" + chunk.qName + ">");
      }
      return new Outline(rootName, rootClosed, cutAtEnd, src.line());
    }

    private void markup(long line) throws IOException {
      int next = src.peek();
      if (next == '?') {
        tag.setLength(0);
        tag.append('<');
        readUntil("?>");
      } else if (next == '!') {
        declarationOrComment();
      } else if (next == '/' || isNameStart(next)) {
        if (readTag()) {
          if (next == '/') {
            endTag(line);
          } else {
            startTag(line);
          }
        } else if (chunk != null) {
          // A '<' that starts no complete tag: keep it so StAX reports the record as broken.
          chunk.append(tag);
        }
      } else if (chunk != null) {
        chunk.append('<'); // a bare '<' in text; StAX will reject the record
      }
    }

    /** Reads a tag after its '<' into {@link #tag}; false when it never closes properly. */
    private boolean readTag() throws IOException {
      tag.setLength(0);
      tag.append('<');
      return src.tag(tag, MAX_TAG_CHARS);
    }

    private void startTag(long line) {
      String qName = tagName(tag, 1);
      String local = qName.substring(qName.indexOf(':') + 1);
      boolean empty = tag.length() >= 2 && tag.charAt(tag.length() - 2) == '/';
      if (rootName == null) {
        rootName = qName;
      }
      if (captured.contains(local)) {
        if (chunk != null) {
          finish(
              "it has no closing </"
                  + chunk.qName
                  + "> before the <"
                  + qName
                  + "> on line "
                  + line);
        }
        begin(qName, local, line);
        if (empty) {
          finish(null);
        }
      } else if (chunk != null) {
        chunk.append(tag);
      } else if (!empty) {
        open.push(qName, tag);
      }
    }

    private void endTag(long line) {
      String qName = tagName(tag, 2);
      if (chunk != null) {
        if (qName.equals(chunk.qName)) {
          chunk.append(tag);
          finish(null);
          return;
        }
        if (!open.contains(qName)) {
          chunk.append(tag);
          return;
        }
        finish(
            "it has no closing </" + chunk.qName + "> before the </" + qName + "> on line " + line);
      }
      if (captured.contains(qName.substring(qName.indexOf(':') + 1))) {
        // Only reachable when the record's start tag was too broken to be recognised.
        handler.chunk(
            new RecordChunk(
                qName,
                line,
                "",
                null,
                "</"
                    + qName
                    + "> on line "
                    + line
                    + " closes no <"
                    + qName
                    + ">: the start of this record is broken"));
        return;
      }
      open.close(qName);
      if (open.isEmpty() && qName.equals(rootName)) {
        rootClosed = true;
      }
    }

    private void declarationOrComment() throws IOException {
      tag.setLength(0);
      tag.append('<');
      tag.append((char) src.read()); // '!'
      if (src.peek() == '-') {
        readUntil("-->");
      } else if (src.peek() == '[') {
        readUntil("]]>");
      } else {
        readUntil(">"); // <!DOCTYPE ...>; an internal subset is skipped by the bracket rule below
      }
    }

    /**
     * Copies (inside a chunk) or skips everything up to and including {@code end}, with {@link
     * #tag} holding what was read of the construct so far.
     */
    private void readUntil(String end) throws IOException {
      int brackets = 0;
      int c;
      while ((c = src.read()) != -1) {
        tag.append((char) c);
        if (end.equals(">")) {
          if (c == '[') brackets++;
          if (c == ']') brackets--;
          if (c == '>' && brackets <= 0) break;
        } else if (c == end.charAt(end.length() - 1) && endsWith(tag, end)) {
          break;
        }
        if (chunk != null && tag.length() > 4096) {
          // a long comment or CDATA section: hand it over in pieces, keeping a possible end mark
          chunk.append(tag.subSequence(0, tag.length() - 2));
          tag.delete(0, tag.length() - 2);
        } else if (chunk == null && tag.length() > 64) {
          tag.delete(0, tag.length() - 3); // outside chunks only the last chars matter
        }
      }
      if (chunk != null) {
        chunk.append(tag);
      }
      tag.setLength(0);
    }

    private void begin(String qName, String local, long line) {
      chunk = new RecordCut(qName, local, line, open.namespaces());
      chunk.append(tag);
    }

    private void finish(String problem) {
      // the root itself may be captured, as in arXiv's bare <error> document
      boolean wasRoot = open.isEmpty() && chunk.qName.equals(rootName);
      RecordChunk done = chunk.done(problem);
      chunk = null;
      handler.chunk(done);
      if (wasRoot && done.problem() == null) {
        rootClosed = true;
      }
    }
  }

  private static String tagName(CharSequence tag, int from) {
    int end = from;
    while (end < tag.length()) {
      char c = tag.charAt(end);
      if (Character.isWhitespace(c) || c == '>' || c == '/') break;
      end++;
    }
    return tag.subSequence(from, end).toString();
  }

  private static boolean isNameStart(int c) {
    return Character.isLetter(c) || c == '_' || c == ':' || c > 0x7F;
  }

  private static boolean endsWith(StringBuilder sb, String end) {
    int n = sb.length() - end.length();
    return n >= 0 && sb.indexOf(end, n) == n;
  }
}
