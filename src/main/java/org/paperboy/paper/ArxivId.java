package org.paperboy.paper;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.BadInputException;

/**
 * An arXiv identifier without its version: new style {@code 2401.01234} (4 or 5 digits after the
 * dot) or old style {@code hep-th/9901001}. {@link #parse} accepts the forms feeds use: a bare id,
 * {@code arXiv:} prefixed, with a version suffix, or inside an abs/pdf URL or an OAI identifier.
 */
public record ArxivId(String value) {

  private static final Pattern NEW_STYLE = Pattern.compile("\\d{4}\\.\\d{4,5}");
  private static final Pattern OLD_STYLE = Pattern.compile("[a-z-]+(\\.[A-Z]{2})?/\\d{7}");
  private static final Pattern ANY =
      Pattern.compile(
          "(?:^|[/:\\s])(\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v(\\d+))?(?:\\.pdf)?/?$");

  public ArxivId {
    requireNonNull(value, "value");
    if (!NEW_STYLE.matcher(value).matches() && !OLD_STYLE.matcher(value).matches()) {
      throw new BadInputException("not an arXiv id: '" + value + "'");
    }
  }

  /** An id and the version it named (0 when the text named none). */
  public record Versioned(ArxivId id, int version) {}

  /** Parses any of the accepted forms and drops the version. */
  public static ArxivId parse(String text) {
    return parseVersioned(text).id();
  }

  /** Parses any of the accepted forms and keeps the version, 0 when absent. */
  public static Versioned parseVersioned(String text) {
    requireNonNull(text, "text");
    Matcher m = ANY.matcher(text.strip());
    if (!m.find()) {
      throw new BadInputException("not an arXiv id: '" + abbreviate(text) + "'");
    }
    int version = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return new Versioned(new ArxivId(m.group(1)), version);
  }

  /** True when {@code text} holds an arXiv id in one of the forms {@link #parse} accepts. */
  public static boolean looksLikeOne(String text) {
    return text != null && ANY.matcher(text.strip()).find();
  }

  public String absUrl() {
    return "https://arxiv.org/abs/" + value;
  }

  public String pdfUrl() {
    return "https://arxiv.org/pdf/" + value;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  @Override
  public String toString() {
    return value;
  }
}
