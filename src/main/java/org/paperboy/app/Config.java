package org.paperboy.app;

import static java.util.Objects.requireNonNull;
import static org.paperboy.app.Setting.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paperboy.BadInputException;
import org.paperboy.account.AccountService;
import org.paperboy.digest.DigestSettings;
import org.paperboy.ingest.live.LiveConfig;
import org.paperboy.mail.MailSettings;
import org.paperboy.mail.SmtpUrl;
import org.paperboy.rank.TrendingFormula;
import org.paperboy.search.SearchSettings;
import org.paperboy.store.Database;
import org.paperboy.store.StoreSettings;
import org.paperboy.web.WebSettings;

/**
 * Everything paperboy is told from outside, read once and typed per feature. Each {@link Setting}
 * comes from, in increasing precedence: its default, the config file ({@code paperboy.toml} in the
 * data dir, or {@code --config FILE}), its environment variable, its command-line flag. Nothing
 * else in paperboy reads the environment.
 *
 * @param secret the HMAC key of signed links, or null: a random key kept in the store
 * @param entries every setting's effective value (secrets masked) and where it came from
 */
public record Config(
    Path dataDir,
    StoreSettings store,
    SearchSettings search,
    MailSettings mail,
    DigestSettings digest,
    TrendingFormula trending,
    LiveConfig live,
    AccountService.Limits loginLinks,
    String secret,
    ServeSettings serve,
    WebSettings web,
    List<Entry> entries) {

  /** One line of {@code paperboy config}. */
  public record Entry(Setting setting, String value, String origin) {}

  public Config {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(store, "store");
    entries = List.copyOf(entries);
  }

  /**
   * Reads the configuration.
   *
   * @param env the environment ({@code System.getenv()} in production)
   * @param configFile the {@code --config} file, or null: {@code paperboy.toml} in the data dir
   *     when there is one
   * @param flags raw values given on the command line
   */
  public static Config read(Map<String, String> env, Path configFile, Map<Setting, String> flags) {
    return build(new ConfigReader(env, configFile, flags));
  }

  /** The configuration for {@code dataDir} (null: from the environment or the default). */
  public static Config from(Path dataDir, Map<String, String> env) {
    return read(env, null, dataDir == null ? Map.of() : Map.of(DATA_DIR, dataDir.toString()));
  }

  /** The settings as {@code paperboy config} shows them: secrets masked. */
  @Override
  public String toString() {
    return "Config" + entries;
  }

  /** Whether errors print their stack trace: read before anything else, so it cannot fail. */
  public static boolean debug(Map<String, String> env) {
    return env.containsKey(DEBUG.env());
  }

  private static Config build(ConfigReader r) {
    Path dataDir = r.path(DATA_DIR);
    String dbUrl = r.text(DB_URL);
    if (dbUrl != null && !dbUrl.startsWith("jdbc:"))
      throw r.bad(DB_URL, "must be a JDBC URL (jdbc:...)");
    StoreSettings store =
        new StoreSettings(
            dbUrl != null ? dbUrl : Database.h2Url(dataDir), r.text(DB_USER), r.text(DB_PASSWORD));
    Path cache = r.path(EVAL_CACHE);
    SearchSettings search =
        new SearchSettings(
            r.onOff(EMBEDDINGS),
            cache != null ? cache : Path.of(System.getProperty("user.home"), ".cache", "paperboy"));
    ServeSettings serve = new ServeSettings(r.text(HOST), r.port(PORT));
    java.net.URI base = r.url(BASE_URL);
    String baseUrl = base == null ? null : base.toString().replaceAll("/+$", "");
    WebSettings web = new WebSettings(baseUrl, r.onOff(PAGE_CACHE), r.onOff(OUTBOX_PAGE));
    DigestSettings digest =
        new DigestSettings(
            baseUrl != null ? baseUrl : "http://localhost:" + serve.port(),
            Duration.ofSeconds(r.whole(DIGEST_RETRY_SECONDS, 1)),
            r.whole(DIGEST_MAX_ATTEMPTS, 1),
            r.whole(DIGEST_PAUSE_AFTER, 1),
            Duration.ofSeconds(r.whole(DIGEST_LEASE_SECONDS, 1)));
    TrendingFormula trending =
        new TrendingFormula(
            weight(r, TRENDING_VOTE_WEIGHT),
            weight(r, TRENDING_HF_WEIGHT),
            weight(r, TRENDING_STAR_WEIGHT),
            positive(r, TRENDING_HALF_LIFE_SHARE));
    LiveConfig live =
        LiveConfig.of(
            r.url(ARXIV_API_URL),
            r.url(OAI_URL),
            r.url(RSS_URL),
            r.url(HF_URL),
            r.text(USER_AGENT));
    SmtpUrl smtp = smtp(r);
    MailSettings mail =
        new MailSettings(
            r.text(MAIL_FROM),
            smtp,
            Duration.ofSeconds(r.whole(SMTP_TIMEOUT_SECONDS, 0)),
            r.whole(SMTP_RATE, 0),
            r.path(DKIM_KEY),
            r.text(DKIM_SELECTOR),
            r.text(DKIM_DOMAIN));
    AccountService.Limits limits =
        new AccountService.Limits(
            r.whole(LOGIN_LINKS_PER_CLIENT, 0), r.whole(LOGIN_LINKS_PER_ADDRESS, 0));
    return new Config(
        dataDir,
        store,
        search,
        mail,
        digest,
        trending,
        live,
        limits,
        r.text(SECRET),
        serve,
        web,
        entries(r, store, smtp));
  }

  private static double weight(ConfigReader r, Setting s) {
    double w = r.number(s);
    if (w < 0) throw r.bad(s, "must not be negative");
    return w;
  }

  private static double positive(ConfigReader r, Setting s) {
    double w = r.number(s);
    if (!(w > 0)) throw r.bad(s, "must be above 0");
    return w;
  }

  private static SmtpUrl smtp(ConfigReader r) {
    String url = r.text(SMTP_URL);
    if (url == null) return null;
    try {
      return SmtpUrl.parse(url);
    } catch (BadInputException e) {
      // SmtpUrl names the variable; a file's value is named by its file and line instead.
      String label = r.label(SMTP_URL);
      if (label.equals(SMTP_URL.env())) throw e;
      throw new BadInputException(
          label + ": " + e.getMessage().replace(SMTP_URL.env() + " ", ""), e);
    }
  }

  private static List<Entry> entries(ConfigReader r, StoreSettings store, SmtpUrl smtp) {
    List<Entry> out = new ArrayList<>();
    for (Setting s : Setting.values()) {
      if (!s.read()) continue;
      ConfigReader.Value v = r.value(s);
      String shown;
      if (v.raw() == null || v.raw().isBlank()) {
        shown = s == DB_URL ? store.url() : "(" + s.shownDefault().replace("`", "") + ")";
      } else if (s.secret()) {
        shown = "********";
      } else if (s == SMTP_URL) {
        shown = smtp + (smtp.startTls() ? "?starttls=true" : "");
      } else {
        shown = v.raw();
      }
      out.add(new Entry(s, shown, v.origin()));
    }
    return out;
  }
}
