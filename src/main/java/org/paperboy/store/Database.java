package org.paperboy.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.PaperboyException;

/**
 * The SQL store: opens the database, brings its schema up to date with Flyway and hands out a
 * {@link Jdbi}. By default an embedded H2 file in the data dir, in PostgreSQL compatibility mode so
 * the same SQL runs on both; any other JDBC URL (e.g. PostgreSQL) can be given instead.
 */
public final class Database implements AutoCloseable {
  static {
    // H2's AUTO_SERVER listens with -tcpAllowOthers on every interface unless this is set before
    // H2 is first used; the store is one machine's, so only loopback (docs/scaling.md for more).
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private final Jdbi jdbi;
  private final AutoCloseable pool;
  private final String url;

  private Database(String url, Jdbi jdbi, AutoCloseable pool) {
    this.url = url;
    this.jdbi = jdbi;
    this.pool = pool;
  }

  /**
   * The default URL for a data dir: an H2 file that a second process can share (AUTO_SERVER).
   * WRITE_DELAY=0 writes each commit to the file before it is acknowledged: H2's default (500 ms)
   * lost the last half second of a killed serve's commits, which a client beside it (an ingest) had
   * been told were stored. H2's client always reconnects when the process holding the file dies
   * (AUTO_SERVER implies AUTO_RECONNECT); with every acknowledged commit on disk that is safe, and
   * a transaction cut in half fails loudly and is rolled back.
   */
  public static String h2Url(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve("paperboy");
    return "jdbc:h2:file:"
        + file
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
        + ";WRITE_DELAY=0";
  }

  /** Opens {@code url} (user and password may be null) and migrates it. */
  public static Database open(String url, String user, String password) {
    AutoCloseable pool;
    Jdbi jdbi;
    if (url.startsWith("jdbc:h2:")) {
      Path base = h2File(url);
      if (base != null) StoreFiles.privateDir(base.getParent());
      H2Credentials creds =
          base != null && isEmpty(user) && isEmpty(password)
              ? H2Credentials.of(url, base.getParent())
              : new H2Credentials(nullToEmpty(user), nullToEmpty(password));
      JdbcConnectionPool h2 = JdbcConnectionPool.create(url, creds.user(), creds.password());
      h2.setMaxConnections(16);
      pool = h2::dispose;
      jdbi = Jdbi.create(h2);
      migrate(Flyway.configure().dataSource(h2), url);
      if (base != null) StoreFiles.privateFiles(base);
    } else {
      HikariDataSource hikari = ServerPool.open(url, user, password);
      pool = hikari;
      jdbi = Jdbi.create(hikari);
      migrate(Flyway.configure().dataSource(hikari), url);
    }
    return new Database(url, jdbi, pool);
  }

  /**
   * A {@link Jdbi} on a plain JDBC URL. Jdbi's (url, user, password) form rejects a null user, but
   * a PostgreSQL URL may carry it ({@code ?user=paperboy}), so only what was given is passed on.
   */
  static Jdbi connect(String url, String user, String password) {
    Properties props = new Properties();
    if (user != null) props.setProperty("user", user);
    if (password != null) props.setProperty("password", password);
    return Jdbi.create(url, props);
  }

  private static void migrate(
      org.flywaydb.core.api.configuration.FluentConfiguration config, String url) {
    try {
      config.locations("classpath:db/migration").loggers("slf4j").load().migrate();
    } catch (FlywayException e) {
      throw new PaperboyException("cannot open the database at " + url + ": " + e.getMessage(), e);
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public String url() {
    return url;
  }

  @Override
  public void close() {
    try {
      pool.close();
    } catch (Exception e) {
      throw new PaperboyException("closing the database failed: " + e.getMessage(), e);
    }
  }

  /** The file an H2 URL names without its .mv.db suffix, or null for memory and server URLs. */
  static Path h2File(String url) {
    if (!url.startsWith("jdbc:h2:file:")) return null;
    String rest = url.substring("jdbc:h2:file:".length());
    int semicolon = rest.indexOf(';');
    return Path.of(semicolon < 0 ? rest : rest.substring(0, semicolon)).toAbsolutePath();
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
