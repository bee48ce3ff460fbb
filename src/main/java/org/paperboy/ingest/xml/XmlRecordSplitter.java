package org.paperboy.ingest.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** A record is cut off when it grows past this many chars; no real record comes close. */
  static final int MAX_CHUNK_CHARS = 16 * 1024 * 1024;

  /** A tag longer than this is not a tag but broken text with a stray {@code <}. */
  private static final int MAX_TAG_CHARS = 64 * 1024;

  private static final String WRAPPER = "paperboy-chunk";
  private static final Pattern XMLNS =
      Pattern.compile("(xmlns(?::[\\w.\\-]+)?)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

  /**
   * One captured element: {@code body} is its text as it stands in the input, starting on line
   * {@code line}; {@code namespaces} the xmlns attributes in scope around it. {@code problem} is
   * null when the element was closed properly, otherwise it says why the cut is incomplete (and
   * {@code body} may be null).
   */
  record Chunk(String name, long line, String namespaces, String body, String problem) {
    /** A standalone document holding the element, whose first line is line {@link #line}. */
    String xml() {
      return wrapperStart(namespaces) + body + WRAPPER_END;
    }
  }

  static String wrapperStart(String namespaces) {
    return "<" + WRAPPER + namespaces + ">";
  }

  static final String WRAPPER_END = "</" + WRAPPER + ">";

  /**
   * What the splitter saw of the document as a whole. {@code cutAtEnd}: the input ended inside a
   * captured element (already reported as that chunk's problem).
   */
  public record Outline(String rootName, boolean rootClosed, boolean cutAtEnd, long lastLine) {}

  interface Handler {
    void chunk(Chunk chunk);
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

    /** Open elements outside any chunk: qualified name and their xmlns declarations. */
    private final Deque<Open> open = new ArrayDeque<>();

    private String nsDecls = "";
    private String rootName;
    private boolean rootClosed;

    // the chunk being cut, when chunk != null
    private StringBuilder chunk;
    private String chunkQName;
    private String chunkLocal;
    private long chunkLine;
    private String chunkNamespaces;
    private boolean chunkOverflow;

    Run(XmlCharSource src, Handler handler) {
      this.src = src;
      this.handler = handler;
    }

    Outline run() throws IOException {
      while (src.text(chunk)) {
        if (chunk != null && chunk.length() > MAX_CHUNK_CHARS) {
          chunk.setLength(MAX_CHUNK_CHARS);
          chunkOverflow = true;
        }
        if (src.peek() == '<') {
          src.read();
          markup(src.line());
        }
      }
      boolean cutAtEnd = chunk != null;
      if (cutAtEnd) {
        finish("the input ends before its closing </" + chunkQName + ">");
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
          append(tag);
        }
      } else if (chunk != null) {
        append('<'); // a bare '<' in text; StAX will reject the record
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
              "it has no closing </" + chunkQName + "> before the <" + qName + "> on line " + line);
        }
        begin(qName, local, line);
        if (empty) {
          finish(null);
        }
      } else if (chunk != null) {
        append(tag);
      } else if (!empty) {
        open.push(new Open(qName, xmlnsOf(tag)));
        nsDecls = null;
      }
    }

    private void endTag(long line) {
      String qName = tagName(tag, 2);
      if (chunk != null) {
        if (qName.equals(chunkQName)) {
          append(tag);
          finish(null);
          return;
        }
        if (!isOpen(qName)) {
          append(tag);
          return;
        }
        finish(
            "it has no closing </" + chunkQName + "> before the </" + qName + "> on line " + line);
      }
      if (captured.contains(qName.substring(qName.indexOf(':') + 1))) {
        // Only reachable when the record's start tag was too broken to be recognised.
        handler.chunk(
            new Chunk(
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
      while (isOpen(qName)) {
        Open closed = open.pop();
        nsDecls = null;
        if (closed.qName.equals(qName)) break;
      }
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
          append(tag.subSequence(0, tag.length() - 2));
          tag.delete(0, tag.length() - 2);
        } else if (chunk == null && tag.length() > 64) {
          tag.delete(0, tag.length() - 3); // outside chunks only the last chars matter
        }
      }
      if (chunk != null) {
        append(tag);
      }
      tag.setLength(0);
    }

    private void begin(String qName, String local, long line) {
      chunk = new StringBuilder(4096);
      chunkQName = qName;
      chunkLocal = local;
      chunkLine = line;
      chunkOverflow = false;
      chunkNamespaces = namespaces();
      append(tag);
    }

    private void finish(String problem) {
      if (problem == null && chunkOverflow) {
        problem = "it is larger than " + MAX_CHUNK_CHARS / (1024 * 1024) + " M characters";
      }
      String body = chunk.toString();
      // the root itself may be captured, as in arXiv's bare <error> document
      boolean wasRoot = open.isEmpty() && chunkQName.equals(rootName);
      chunk = null;
      handler.chunk(new Chunk(chunkLocal, chunkLine, chunkNamespaces, body, problem));
      if (wasRoot && problem == null) {
        rootClosed = true;
      }
    }

    private void append(char c) {
      if (chunk.length() < MAX_CHUNK_CHARS) chunk.append(c);
      else chunkOverflow = true;
    }

    private void append(CharSequence s) {
      if (chunk.length() + s.length() <= MAX_CHUNK_CHARS) chunk.append(s);
      else chunkOverflow = true;
    }

    private boolean isOpen(String qName) {
      for (Open o : open) {
        if (o.qName.equals(qName)) return true;
      }
      return false;
    }

    /** The xmlns declarations in scope outside the chunk, innermost winning, as attribute text. */
    private String namespaces() {
      if (nsDecls == null) {
        Map<String, String> byPrefix = new LinkedHashMap<>();
        for (Iterator<Open> it = open.descendingIterator(); it.hasNext(); ) {
          byPrefix.putAll(it.next().xmlns);
        }
        StringBuilder sb = new StringBuilder();
        byPrefix.forEach((name, value) -> sb.append(' ').append(name).append('=').append(value));
        nsDecls = sb.toString();
      }
      return nsDecls;
    }
  }

  private record Open(String qName, Map<String, String> xmlns) {}

  private static Map<String, String> xmlnsOf(CharSequence tag) {
    Map<String, String> decls = new LinkedHashMap<>();
    Matcher m = XMLNS.matcher(tag);
    while (m.find()) {
      decls.put(m.group(1), m.group(2));
    }
    return decls;
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
