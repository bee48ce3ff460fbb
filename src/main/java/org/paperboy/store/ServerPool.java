package org.paperboy.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.time.Duration;
import org.paperboy.PaperboyException;

/**
 * The connection pool for a database server (PostgreSQL): HikariCP, instead of a new connection
 * through DriverManager for every handle (a TCP and authentication round trip per query). The
 * settings are fixed and documented in docs/scaling.md: each node holds at most {@value #MAX}
 * connections, so N nodes need N × {@value #MAX} of PostgreSQL's {@code max_connections} (default
 * 100) plus what backups and psql use.
 */
final class ServerPool {
  /** Web requests, the ingest writer, the digest sender and the index follower at once. */
  static final int MAX = 10;

  static final int MIN_IDLE = 2;
  static final Duration WAIT = Duration.ofSeconds(10);

  private ServerPool() {}

  static HikariDataSource open(String url, String user, String password) {
    HikariConfig c = new HikariConfig();
    c.setPoolName("store-pool");
    c.setJdbcUrl(url);
    // A URL may carry the user itself (?user=paperboy): pass on only what was given.
    if (user != null) c.setUsername(user);
    if (password != null) c.setPassword(password);
    c.setMaximumPoolSize(MAX);
    c.setMinimumIdle(MIN_IDLE);
    c.setConnectionTimeout(WAIT.toMillis());
    // A connection PostgreSQL or a proxy dropped while idle is replaced, not handed out.
    c.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
    c.setMaxLifetime(Duration.ofMinutes(30).toMillis());
    try {
      return new HikariDataSource(c);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new PaperboyException(
          "cannot open the database at " + url + ": " + cause.getMessage(), e);
    }
  }
}
