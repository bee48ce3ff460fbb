package org.paperboy.ingest.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.paperboy.BadInputException;
import org.paperboy.ingest.RecordSink;

/** The feed formats paperboy reads, each with its parser and a content sniffer. */
public enum Format {
  ARXIV_ATOM("arxiv-atom", ArxivAtomParser::new),
  OAI_PMH("oai-pmh", OaiPmhParser::new),
  ARXIV_RSS("arxiv-rss", ArxivRssParser::new),
  HF_DAILY("hf-daily", HfDailyParser::new),
  KAGGLE("kaggle", KaggleParser::new),
  LISTING("listing", ListingParser::new);

  private final String cliName;
  private final Supplier<FeedParser> parser;

  Format(String cliName, Supplier<FeedParser> parser) {
    this.cliName = cliName;
    this.parser = parser;
  }

  public String cliName() {
    return cliName;
  }

  public FeedParser newParser() {
    return parser.get();
  }

  /** Parses a body already in memory, such as a live source's page; the name is for messages. */
  public void parse(byte[] body, String sourceName, RecordSink sink) throws IOException {
    newParser().parse(new ByteArrayInputStream(body), sourceName, sink);
  }

  /** The format named on the command line, or a BadInputException listing the supported names. */
  public static Format byName(String name) {
    for (Format f : values()) {
      if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new BadInputException(
        "unknown format '" + name + "'; supported formats: " + supportedNames());
  }

  public static String supportedNames() {
    return Arrays.stream(values()).map(Format::cliName).collect(Collectors.joining(", "));
  }

  /**
   * Guesses the format from the first bytes of the (already decompressed) content, past leading
   * {@code #} comment lines. Returns null when nothing matches (a listing needs at least one
   * abstract-long line, so a CSV or a stray text file is not one); the caller then asks for {@code
   * --format}.
   */
  public static Format sniff(byte[] head, int length) {
    String text = new String(head, 0, length, StandardCharsets.UTF_8);
    String start = text.stripLeading();
    if (start.startsWith("\uFEFF")) {
      start = start.substring(1).stripLeading();
    }
    while (start.startsWith("#")) {
      int eol = start.indexOf('\n');
      start = eol < 0 ? "" : start.substring(eol + 1).stripLeading();
    }
    if (start.startsWith("[")) {
      return start.contains("\"paper\"") || start.length() < 3 ? HF_DAILY : null;
    }
    if (start.startsWith("{")) {
      return start.contains("\"paper\"") && !start.contains("\"abstract\"") ? HF_DAILY : KAGGLE;
    }
    if (start.startsWith("<")) {
      if (text.contains("<OAI-PMH") || text.contains(":OAI-PMH")) return OAI_PMH;
      if (text.contains("<rss")) return ARXIV_RSS;
      if (text.contains("<feed") || text.contains("http://www.w3.org/2005/Atom")) return ARXIV_ATOM;
      return null;
    }
    return start.isEmpty() || looksBinary(text) || !hasAbstractLine(start) ? null : LISTING;
  }

  private static boolean hasAbstractLine(String text) {
    return text.lines().anyMatch(l -> l.strip().length() >= ListingParser.ABSTRACT_MIN_CHARS);
  }

  private static boolean looksBinary(String text) {
    return text.chars().limit(512).anyMatch(c -> c == 0);
  }
}
