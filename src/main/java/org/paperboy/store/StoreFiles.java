package org.paperboy.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.paperboy.PaperboyException;

/**
 * Keeps the embedded store private to its owner: the data dir 0700, the database's files and the
 * store password 0600. The dir's mode is what really protects them (H2 creates its files with the
 * umask's mode, and the AUTO_SERVER key sits in the lock file); the file modes are a second fence
 * for a data dir someone later opens up. On a file system without POSIX modes this does nothing.
 */
final class StoreFiles {
  static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

  private StoreFiles() {}

  static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Creates {@code dir} if needed and makes it 0700. */
  static void privateDir(Path dir) {
    try {
      if (posix()) {
        if (!Files.isDirectory(dir)) {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        }
        Files.setPosixFilePermissions(dir, OWNER_DIR);
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new PaperboyException("cannot make the data dir " + dir + " private: " + e, e);
    }
  }

  /** Makes every file of the store {@code base} (paperboy.mv.db, .lock.db, .trace.db…) 0600. */
  static void privateFiles(Path base) {
    if (!posix()) return;
    String prefix = base.getFileName() + ".";
    try (Stream<Path> files = Files.list(base.getParent())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().startsWith(prefix) && Files.isRegularFile(f)) {
          Files.setPosixFilePermissions(f, OWNER_FILE);
        }
      }
    } catch (IOException e) {
      throw new PaperboyException("cannot make the store's files private: " + e, e);
    }
  }
}
