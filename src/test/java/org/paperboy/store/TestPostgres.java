package org.paperboy.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh, empty schema on the PostgreSQL server named by {@code PAPERBOY_TEST_PG_URL}, dropped on
 * {@link #close()}: each test gets a database of its own without the cost of CREATE DATABASE. When
 * the variable is unset the calling test is skipped (not failed), so a plain {@code mvn test} works
 * on a machine without PostgreSQL, and the first skip says so on stderr, which Surefire shows in
 * the build output: a skipped test is otherwise only a count there. When the variable is set and
 * the server cannot be reached, the test fails.
 *
 * <p>The URL may carry the user ({@code ?user=paperboy}, as {@code .ci/postgres-start} prints it);
 * {@code PAPERBOY_TEST_PG_USER} and {@code PAPERBOY_TEST_PG_PASSWORD} serve other servers.
 */
public final class TestPostgres implements AutoCloseable {
  public static final String SKIPPED =
      "PostgreSQL tests skipped: set PAPERBOY_TEST_PG_URL (./.ci/postgres-start prints one)";

  private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();

  private final String serverUrl;
  private final String user;
  private final String password;
  private final String schema;

  private TestPostgres(String serverUrl, String user, String password, String schema) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
    this.schema = schema;
  }

  /** Creates a schema with a unique name; skips the calling test when no server is configured. */
  public static TestPostgres freshSchema() {
    String url = System.getenv("PAPERBOY_TEST_PG_URL");
    boolean configured = url != null && !url.isBlank();
    if (!configured && SKIP_REPORTED.compareAndSet(false, true)) {
      System.err.println(
          "*** WARNING: the PostgreSQL tests are SKIPPED: PAPERBOY_TEST_PG_URL is not set."
              + " To run them: export PAPERBOY_TEST_PG_URL=$(.ci/postgres-start)"
              + " (CI's .ci/run does this; .ci/postgres-stop stops the server) ***");
    }
    assumeTrue(configured, SKIPPED);
    String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
    String user = System.getenv("PAPERBOY_TEST_PG_USER");
    String password = System.getenv("PAPERBOY_TEST_PG_PASSWORD");
    TestPostgres pg = new TestPostgres(url.strip(), user, password, schema);
    pg.server().useHandle(h -> h.execute("CREATE SCHEMA " + schema));
    return pg;
  }

  /** The JDBC URL of the schema: the server's, with {@code currentSchema} added. */
  public String url() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The environment that points paperboy's {@code Config} at this schema. */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("PAPERBOY_DB_URL", url());
    if (user != null) env.put("PAPERBOY_DB_USER", user);
    if (password != null) env.put("PAPERBOY_DB_PASSWORD", password);
    return env;
  }

  /** Drops the schema and everything in it. */
  @Override
  public void close() {
    server().useHandle(h -> h.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
  }

  private Jdbi server() {
    return Database.connect(serverUrl, user, password);
  }
}
