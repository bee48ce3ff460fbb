package org.paperboy.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.h2.api.ErrorCode;
import org.paperboy.PaperboyException;

/**
 * The user and password of the embedded H2 store, so that its AUTO_SERVER port (which any local
 * process can reach) does not open to an empty password. The password is random, made on first open
 * and kept in {@code DATA/store-password}, readable by its owner only. A store made before this
 * (user and password empty) is moved over on its first open: the user {@code paperboy} is created
 * with the new password and the empty user dropped.
 */
record H2Credentials(String user, String password) {
  static final String USER = "paperboy";
  static final String FILE = "store-password";

  @Override
  public String toString() {
    return "H2Credentials[user=" + user + ", password=***]";
  }

  /** The credentials of the store at {@code url}, whose files live in {@code dir}. */
  static H2Credentials of(String url, Path dir) {
    H2Credentials mine = new H2Credentials(USER, password(dir.resolve(FILE)));
    try {
      DriverManager.getConnection(url, mine.user, mine.password).close();
      return mine;
    } catch (SQLException e) {
      if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) throw failed(url, e);
    }
    try (Connection c = DriverManager.getConnection(url, "", "");
        Statement s = c.createStatement()) {
      // A store from before passwords: the empty user is an admin; hand the store to paperboy.
      s.execute("CREATE USER IF NOT EXISTS " + USER + " PASSWORD '" + mine.password + "' ADMIN");
      s.execute("DROP USER \"\"");
      return mine;
    } catch (SQLException e) {
      if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) throw failed(url, e);
      throw new PaperboyException(
          "the store in "
              + dir
              + " does not accept the password in "
              + dir.resolve(FILE)
              + " (was the file replaced?); set store.db_user and store.db_password to open it",
          e);
    }
  }

  /** Reads the password file, or makes it (0600 from its first byte) if there is none. */
  private static String password(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Path tmp = file.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".tmp");
        if (StoreFiles.posix()) {
          Files.deleteIfExists(tmp);
          Files.createFile(tmp, PosixFilePermissions.asFileAttribute(StoreFiles.OWNER_FILE));
        }
        Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n");
        try {
          // A link fails if another process made the file first; then both use that one.
          Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException raced) {
          // the other process's password stands
        } finally {
          Files.delete(tmp);
        }
      }
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) throw new PaperboyException(file + " is empty; delete it to make one");
      return text;
    } catch (IOException e) {
      throw new PaperboyException("cannot read or make the store password " + file + ": " + e, e);
    }
  }

  private static PaperboyException failed(String url, SQLException e) {
    return new PaperboyException("cannot open the database at " + url + ": " + e.getMessage(), e);
  }
}
