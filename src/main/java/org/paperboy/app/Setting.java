package org.paperboy.app;

import org.paperboy.account.AccountService;
import org.paperboy.digest.DigestSettings;
import org.paperboy.ingest.live.LiveConfig;
import org.paperboy.mail.MailSettings;
import org.paperboy.rank.TrendingFormula;

/**
 * Every setting paperboy reads, once: its key in {@code paperboy.toml}, its environment variable,
 * its command-line flag (if any), its default and what it means. {@code paperboy config}, the
 * tables in the README and docs/configuration.md (checked by a test) all come from this list.
 *
 * <p>A setting without a file key is read by the launcher script or before the configuration is
 * (the JVM options, stack traces of errors); it is listed so the tables name it too.
 */
public enum Setting {
  DATA_DIR(
      "data_dir",
      "PAPERBOY_DATA",
      "--data",
      "data",
      "`./data`",
      "where the database, the search index and the outbox live"),
  DB_URL(
      "store.db_url",
      "PAPERBOY_DB_URL",
      null,
      null,
      "H2 file `DATA/paperboy.mv.db`",
      "JDBC URL of another database, e.g. `jdbc:postgresql://localhost/paperboy`"),
  DB_USER("store.db_user", "PAPERBOY_DB_USER", null, null, "empty", "database user"),
  DB_PASSWORD(
      "store.db_password", "PAPERBOY_DB_PASSWORD", null, null, "empty", "database password"),
  PORT(
      "serve.port",
      "PAPERBOY_PORT",
      "--port",
      "8080",
      "where `serve` listens; 0 picks a free port"),
  HOST("serve.host", "PAPERBOY_HOST", "--host", "0.0.0.0", "the address `serve` listens on"),
  BASE_URL(
      "web.base_url",
      "PAPERBOY_BASE_URL",
      null,
      null,
      "`http://localhost:PORT`",
      "the app's public URL, for links in mail (https also marks cookies Secure)"),
  PAGE_CACHE(
      "web.page_cache",
      "PAPERBOY_PAGE_CACHE",
      "on",
      "`off` keeps nothing between requests: every request computes its page"),
  OUTBOX_PAGE(
      "web.outbox_page",
      "PAPERBOY_OUTBOX_PAGE",
      "on",
      "`off` hides the local outbox page, e.g. behind a proxy on the same machine"),
  SECRET(
      "secret",
      "PAPERBOY_SECRET",
      null,
      null,
      "a random key kept in the store",
      "HMAC key of sign-in, confirm, manage and unsubscribe links"),
  LOGIN_LINKS_PER_CLIENT(
      "account.login_links_per_client",
      "PAPERBOY_LOGIN_LINKS_PER_CLIENT",
      String.valueOf(AccountService.Limits.DEFAULT.perClient()),
      "sign-in links one client may ask for in 15 minutes"),
  LOGIN_LINKS_PER_ADDRESS(
      "account.login_links_per_address",
      "PAPERBOY_LOGIN_LINKS_PER_ADDRESS",
      String.valueOf(AccountService.Limits.DEFAULT.perAddress()),
      "sign-in links one address may be sent in 15 minutes"),
  EMBEDDINGS(
      "search.embeddings",
      "PAPERBOY_EMBEDDINGS",
      "on",
      "`off` keeps search lexical (no model loaded, no vectors computed)"),
  EVAL_CACHE(
      "search.eval_cache",
      "PAPERBOY_CACHE",
      null,
      null,
      "`~/.cache/paperboy`",
      "where `paperboy eval` keeps its temporary index and cached vectors"),
  TRENDING_VOTE_WEIGHT(
      "trending.vote_weight",
      "PAPERBOY_TRENDING_VOTE_WEIGHT",
      String.valueOf(TrendingFormula.DEFAULT.voteWeight()),
      "weight of a local vote"),
  TRENDING_HF_WEIGHT(
      "trending.hf_weight",
      "PAPERBOY_TRENDING_HF_WEIGHT",
      String.valueOf(TrendingFormula.DEFAULT.hfWeight()),
      "weight of a Hugging Face upvote"),
  TRENDING_STAR_WEIGHT(
      "trending.star_weight",
      "PAPERBOY_TRENDING_STAR_WEIGHT",
      String.valueOf(TrendingFormula.DEFAULT.starWeight()),
      "weight of log2(1 + GitHub stars)"),
  TRENDING_HALF_LIFE_SHARE(
      "trending.half_life_share",
      "PAPERBOY_TRENDING_HALF_LIFE_SHARE",
      String.valueOf(TrendingFormula.DEFAULT.halfLifeShare()),
      "a signal's half-life as a share of the trending window"),
  MAIL_FROM(
      "mail.from", "PAPERBOY_MAIL_FROM", MailSettings.DEFAULT_FROM, "the From address of mail"),
  SMTP_URL(
      "mail.smtp_url",
      "PAPERBOY_SMTP_URL",
      null,
      null,
      "unset: `.eml` files in `DATA/outbox/`",
      "SMTP server: `smtp://user:pass@host:port`, `?starttls=true` to require STARTTLS,"
          + " `smtps://` for implicit TLS"),
  SMTP_TIMEOUT_SECONDS(
      "mail.smtp_timeout_seconds",
      "PAPERBOY_SMTP_TIMEOUT_SECONDS",
      "30",
      "connect, read and write timeout; a stalled server is a temporary failure"),
  SMTP_RATE(
      "mail.smtp_rate",
      "PAPERBOY_SMTP_RATE",
      "0",
      "at most this many messages a second (0: no limit)"),
  DKIM_KEY(
      "mail.dkim_key",
      "PAPERBOY_DKIM_KEY",
      null,
      null,
      "unset: no DKIM",
      "path of a PKCS#8 PEM RSA private key; every SMTP message is then DKIM-signed"),
  DKIM_SELECTOR(
      "mail.dkim_selector",
      "PAPERBOY_DKIM_SELECTOR",
      null,
      null,
      "required with a key",
      "the DKIM selector: the public key is at `SELECTOR._domainkey.DOMAIN`"),
  DKIM_DOMAIN(
      "mail.dkim_domain",
      "PAPERBOY_DKIM_DOMAIN",
      null,
      null,
      "the From address's domain",
      "`d=` of the DKIM signature"),
  DIGEST_RETRY_SECONDS(
      "digest.retry_seconds",
      "PAPERBOY_DIGEST_RETRY_SECONDS",
      String.valueOf(DigestSettings.DEFAULTS.retryBase().toSeconds()),
      "first retry delay after a temporary failure, doubled each attempt (at most 6 h)"),
  DIGEST_MAX_ATTEMPTS(
      "digest.max_attempts",
      "PAPERBOY_DIGEST_MAX_ATTEMPTS",
      String.valueOf(DigestSettings.DEFAULTS.maxAttempts()),
      "attempts before a digest is given up (status `failed`)"),
  DIGEST_PAUSE_AFTER(
      "digest.pause_after",
      "PAPERBOY_DIGEST_PAUSE_AFTER",
      String.valueOf(DigestSettings.DEFAULTS.pauseAfter()),
      "refused (5xx) digests in a row that pause a subscription"),
  DIGEST_LEASE_SECONDS(
      "digest.lease_seconds",
      "PAPERBOY_DIGEST_LEASE_SECONDS",
      String.valueOf(DigestSettings.DEFAULTS.lease().toSeconds()),
      "how long a sender owns the batch it is sending; a dead sender's messages are taken over"
          + " after it"),
  ARXIV_API_URL(
      "live.arxiv_api_url",
      "PAPERBOY_ARXIV_API_URL",
      LiveConfig.defaults().arxivApiUrl().toString(),
      "the arXiv API (a mirror, or a local replay server in tests)"),
  OAI_URL(
      "live.oai_url",
      "PAPERBOY_OAI_URL",
      LiveConfig.defaults().oaiUrl().toString(),
      "arXiv's OAI-PMH"),
  RSS_URL(
      "live.rss_url",
      "PAPERBOY_RSS_URL",
      LiveConfig.defaults().rssUrl().toString(),
      "arXiv's RSS prefix; categories are appended"),
  HF_URL(
      "live.hf_url",
      "PAPERBOY_HF_URL",
      LiveConfig.defaults().hfUrl().toString(),
      "Hugging Face daily papers"),
  USER_AGENT(
      "live.user_agent",
      "PAPERBOY_USER_AGENT",
      LiveConfig.DEFAULT_USER_AGENT,
      "User-Agent sent to live sources; put a contact address in it"),
  DEBUG(null, "PAPERBOY_DEBUG", null, null, "unset", "set: errors also print their stack trace"),
  JAVA_OPTS(
      null,
      "PAPERBOY_JAVA_OPTS",
      null,
      null,
      "empty",
      "extra JVM options for the `./paperboy` launcher, e.g. `-Xmx4g`"),
  JVM_DIR(
      null,
      "PAPERBOY_JVM_DIR",
      null,
      null,
      "`/usr/lib/jvm`",
      "where the `./paperboy` launcher looks for a JDK after JAVA_HOME and PATH");

  private final String key;
  private final String env;
  private final String flag;
  private final String value;
  private final String shownDefault;
  private final String meaning;

  Setting(String key, String env, String value, String meaning) {
    this(key, env, null, value, "`" + value + "`", meaning);
  }

  Setting(String key, String env, String flag, String value, String meaning) {
    this(key, env, flag, value, "`" + value + "`", meaning);
  }

  Setting(String key, String env, String flag, String value, String shownDefault, String meaning) {
    this.key = key;
    this.env = env;
    this.flag = flag;
    this.value = value;
    this.shownDefault = shownDefault;
    this.meaning = meaning;
  }

  /** The key in paperboy.toml ({@code table.name}), or null when only the environment sets it. */
  public String key() {
    return key;
  }

  /** The environment variable. */
  public String env() {
    return env;
  }

  /** The command-line flag that sets it, or null. */
  public String flag() {
    return flag;
  }

  /** The default as the reader takes it, or null when there is none (or it is computed). */
  String defaultValue() {
    return value;
  }

  /** The default as the docs say it (Markdown). */
  public String shownDefault() {
    return shownDefault;
  }

  /** What it means (Markdown). */
  public String meaning() {
    return meaning;
  }

  /** Whether {@code paperboy config} hides its value. */
  public boolean secret() {
    return this == DB_PASSWORD || this == SECRET || this == DKIM_KEY;
  }

  /** Whether the configuration reader takes it (the others belong to the launcher). */
  boolean read() {
    return key != null;
  }
}
