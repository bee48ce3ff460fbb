package org.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect 4 of issue 12: the embedded store was open to every local user and the network. */
class StoreSecurityTest {
  @TempDir Path tmp;

  @Test
  void the_auto_server_port_is_bound_to_loopback_only() throws Exception {
    Path data = tmp.resolve("data");
    try (Database db = Database.open(Database.h2Url(data), null, null)) {
      db.jdbi().useHandle(h -> h.execute("SELECT 1"));
      InetSocketAddress server = server(data);
      assertThat(server.getPort()).isPositive();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort()), 2000);
        assertThat(s.isConnected()).isTrue();
      }
      Optional<InetAddress> outside = nonLoopbackAddress();
      assumeTrue(outside.isPresent(), "this machine has no non-loopback address to try");
      assertThatThrownBy(
              () -> {
                try (Socket s = new Socket()) {
                  s.connect(new InetSocketAddress(outside.get(), server.getPort()), 2000);
                }
              })
          .as("connecting through " + outside.get())
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void the_auto_server_refuses_an_empty_or_wrong_password() throws Exception {
    Path data = tmp.resolve("data");
    try (Database db = Database.open(Database.h2Url(data), null, null)) {
      db.jdbi().useHandle(h -> h.execute("SELECT 1"));
      String remote = remoteUrl(data);
      assertThatThrownBy(() -> DriverManager.getConnection(remote, "", "").close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Wrong user name or password");
      assertThatThrownBy(() -> DriverManager.getConnection(remote, "paperboy", "guess").close())
          .hasMessageContaining("Wrong user name or password");
      // The same address with the password from the file does get in: the refusals above are the
      // password's doing, not a wrong address.
      String password = Files.readString(data.resolve(H2Credentials.FILE)).strip();
      try (Connection c = DriverManager.getConnection(remote, "paperboy", password)) {
        assertThat(c.isValid(2)).isTrue();
      }
    }
  }

  @Test
  void the_data_dir_is_0700_and_the_store_files_and_password_0600() throws Exception {
    assumeTrue(StoreFiles.posix(), "the file system has no POSIX modes; nothing to check");
    Path data = tmp.resolve("data");
    try (Database db = Database.open(Database.h2Url(data), null, null)) {
      db.jdbi().useHandle(h -> h.execute("SELECT 1"));
      assertThat(mode(data)).isEqualTo("rwx------");
      assertThat(mode(data.resolve("paperboy.mv.db"))).isEqualTo("rw-------");
      assertThat(mode(data.resolve("paperboy.lock.db"))).isEqualTo("rw-------");
      assertThat(mode(data.resolve(H2Credentials.FILE))).isEqualTo("rw-------");
    }
  }

  @Test
  void an_existing_data_dir_is_made_private_on_open() throws Exception {
    assumeTrue(StoreFiles.posix(), "the file system has no POSIX modes; nothing to check");
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Database.open(Database.h2Url(data), null, null).close();
    assertThat(mode(data)).isEqualTo("rwx------");
  }

  @Test
  void a_store_made_with_the_old_empty_password_opens_and_then_refuses_it() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    String url = Database.h2Url(data);
    // What an older paperboy left: the schema migrated by the empty user, and some data.
    Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();
    try (Connection old = DriverManager.getConnection(url, "", "")) {
      old.createStatement().execute("CREATE TABLE kept(x INT)");
      old.createStatement().execute("INSERT INTO kept VALUES (42)");
    }
    try (Database db = Database.open(url, null, null)) {
      Integer kept =
          db.jdbi().withHandle(h -> h.select("SELECT x FROM kept").mapTo(Integer.class).one());
      assertThat(kept).isEqualTo(42);
    }
    assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close())
        .hasMessageContaining("Wrong user name or password");
    try (Database again = Database.open(url, null, null)) {
      Integer rows =
          again
              .jdbi()
              .withHandle(h -> h.select("SELECT count(*) FROM kept").mapTo(Integer.class).one());
      assertThat(rows).isEqualTo(1);
    }
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static Properties lock(Path data) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(Files.readString(data.resolve("paperboy.lock.db"))));
    return p;
  }

  private static InetSocketAddress server(Path data) throws IOException {
    String server = lock(data).getProperty("server");
    int colon = server.lastIndexOf(':');
    return new InetSocketAddress(
        server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)));
  }

  /** What an AUTO_SERVER client connects to: the TCP server, naming the database by its key. */
  private static String remoteUrl(Path data) throws IOException {
    return "jdbc:h2:tcp://127.0.0.1:" + server(data).getPort() + "/" + lock(data).getProperty("id");
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) continue;
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
