package org.paperboy.ingest.live;

import static java.util.Objects.requireNonNull;

import java.time.InstantSource;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.paperboy.BadInputException;
import org.paperboy.store.StateRepository;
import org.paperboy.time.Pacer;
import org.paperboy.time.Sleeper;

/**
 * Turns a live-source spec from the command line into a {@link LiveSource}:
 *
 * <ul>
 *   <li>{@code api:QUERY} - an arXiv API search, e.g. {@code api:cat:cs.CL AND ti:llm}
 *   <li>{@code oai:SET} - an incremental OAI-PMH harvest of an arXiv set, e.g. {@code oai:cs}
 *   <li>{@code rss:CAT[+CAT...]} - arXiv RSS for some categories, e.g. {@code rss:cs.AI+cs.CL}
 *   <li>{@code hf:YYYY-MM-DD} - Hugging Face daily papers of that day
 * </ul>
 */
public final class LiveSources {
  static final String FORMS =
      "api:QUERY (arXiv search, e.g. 'api:cat:cs.CL AND ti:llm'), oai:SET (arXiv OAI-PMH set, e.g."
          + " 'oai:cs'), rss:CAT[+CAT...] (e.g. 'rss:cs.AI+cs.CL'), hf:YYYY-MM-DD (Hugging Face"
          + " daily papers)";
  private static final Pattern PREFIX = Pattern.compile("^(api|oai|rss|hf):.*", Pattern.DOTALL);
  private static final Pattern CATEGORY = Pattern.compile("[a-zA-Z-]+(\\.[a-zA-Z-]+)?");
  private static final Pattern SET = Pattern.compile("[A-Za-z0-9._:-]+");

  // One pacer for the whole process: arXiv's 3 s rule is per client, not per source.
  private static final Pacer ARXIV_PACER = new Pacer(InstantSource.system(), Sleeper.SYSTEM);

  private LiveSources() {}

  /**
   * True when {@code arg} names a live source rather than a file: it starts with api:, oai:, rss:
   * or hf:.
   */
  public static boolean isLive(String arg) {
    return arg != null && PREFIX.matcher(arg).matches();
  }

  /**
   * The source {@code spec} describes. {@code state} keeps the OAI-PMH high-water marks. Throws
   * {@link BadInputException} naming the accepted forms when the spec is not one of them.
   */
  public static LiveSource parse(String spec, LiveConfig config, StateRepository state) {
    requireNonNull(config, "config");
    requireNonNull(state, "state");
    Http http =
        new Http(
            config,
            Http.newClient(config),
            ARXIV_PACER,
            Sleeper.SYSTEM,
            InstantSource.system(),
            new Random());
    return parse(spec, config, state, http);
  }

  /** As {@link #parse(String, LiveConfig, StateRepository)}, with the HTTP helper given (tests). */
  static LiveSource parse(String spec, LiveConfig config, StateRepository state, Http http) {
    if (spec == null || !isLive(spec)) {
      throw new BadInputException("'" + spec + "' is not a live source; accepted forms: " + FORMS);
    }
    int colon = spec.indexOf(':');
    String kind = spec.substring(0, colon);
    String rest = spec.substring(colon + 1).strip();
    if (rest.isEmpty()) {
      throw bad(spec, "nothing follows '" + kind + ":'");
    }
    return switch (kind) {
      case "api" -> new ArxivApiSource(rest, config, http);
      case "oai" -> {
        if (!SET.matcher(rest).matches()) {
          throw bad(spec, "'" + rest + "' is not an OAI-PMH set name");
        }
        yield new OaiPmhSource(rest, config, state, http);
      }
      case "rss" -> new ArxivRssSource(categories(spec, rest), config, http);
      case "hf" -> new HfDailySource(date(spec, rest), config, http);
      default -> throw new IllegalStateException("isLive let through " + kind);
    };
  }

  private static List<String> categories(String spec, String rest) {
    List<String> categories = Arrays.asList(rest.split("\\+", -1));
    for (String c : categories) {
      if (!CATEGORY.matcher(c).matches()) {
        throw bad(spec, "'" + c + "' is not an arXiv category such as cs.AI or hep-th");
      }
    }
    return categories;
  }

  private static LocalDate date(String spec, String rest) {
    try {
      return LocalDate.parse(rest);
    } catch (DateTimeParseException e) {
      throw bad(spec, "'" + rest + "' is not a date in the form YYYY-MM-DD");
    }
  }

  private static BadInputException bad(String spec, String what) {
    return new BadInputException(
        "bad live source '" + spec + "': " + what + "; accepted forms: " + FORMS);
  }
}
