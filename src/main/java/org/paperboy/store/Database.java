package org.paperboy.store;

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
  private final Jdbi jdbi;
  private final AutoCloseable pool;
  private final String url;

  private Database(String url, Jdbi jdbi, AutoCloseable pool) {
    this.url = url;
    this.jdbi = jdbi;
    this.pool = pool;
  }

  /** The default URL for a data dir: an H2 file that a second process can share (AUTO_SERVER). */
  public static String h2Url(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve("paperboy");
    return "jdbc:h2:file:"
        + file
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
  }

  /** Opens {@code url} (user and password may be null) and migrates it. */
  public static Database open(String url, String user, String password) {
    AutoCloseable pool;
    Jdbi jdbi;
    if (url.startsWith("jdbc:h2:")) {
      JdbcConnectionPool h2 =
          JdbcConnectionPool.create(url, nullToEmpty(user), nullToEmpty(password));
      h2.setMaxConnections(16);
      pool = h2::dispose;
      jdbi = Jdbi.create(h2);
      migrate(Flyway.configure().dataSource(h2), url);
    } else {
      pool = () -> {};
      jdbi = connect(url, user, password);
      migrate(Flyway.configure().dataSource(url, user, password), url);
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

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
