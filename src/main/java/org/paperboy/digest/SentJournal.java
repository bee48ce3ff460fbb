package org.paperboy.digest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.PaperboyException;

/**
 * Which digests the mail server accepted since the outbox last recorded them, one file per sender
 * ({@code data/digest-journal/SENDER.sent}, an id per line). Embedded H2 writes commits to its file
 * up to a second late, so a process killed in that second forgets its latest "sent" marks; flushing
 * H2 after every message cost milliseconds each. Instead each accepted id is appended here with one
 * {@code write} (no {@code fsync}: a write is in the kernel's page cache when it returns, which a
 * SIGKILL cannot undo; a power cut can), the outbox marks a batch sent and flushes once, and the
 * journal is emptied. The next run replays the journals of senders that died.
 */
final class SentJournal implements AutoCloseable {
  private static final String SUFFIX = ".sent";
  private final Path dir;
  private final String sender;
  private FileChannel out;

  SentJournal(Path dir, String sender) {
    this.dir = dir;
    this.sender = sender;
  }

  /**
   * Records that the server accepted digest {@code id}; on disk (for a SIGKILL) when this returns.
   */
  void record(long id) {
    try {
      if (out == null) {
        Files.createDirectories(dir);
        out =
            FileChannel.open(
                dir.resolve(sender + SUFFIX),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
      }
      ByteBuffer b = ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.US_ASCII));
      while (b.hasRemaining()) out.write(b);
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot write the digest journal in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Empties this sender's journal once the outbox holds its marks durably. */
  void clear() {
    try {
      if (out != null) out.truncate(0);
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot empty the digest journal in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A journal left behind: the ids it holds and the file, to delete once they are marked. */
  record Leftover(Path file, List<Long> ids) {}

  /** The journals of senders that are no longer running, and this sender's own. */
  List<Leftover> leftovers() {
    List<Leftover> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) return found;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String owner = name.substring(0, name.length() - SUFFIX.length());
        if (!owner.equals(sender) && alive(owner)) continue;
        List<Long> ids = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.US_ASCII)) {
          if (line.matches("[0-9]+")) ids.add(Long.parseLong(line)); // a torn last line is skipped
        }
        found.add(new Leftover(f, ids));
      }
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot read the digest journals in " + dir + ": " + e.getMessage(), e);
    }
    return found;
  }

  /** Deletes a replayed journal (this sender's own is only emptied: it stays open). */
  void done(Leftover l) {
    try {
      if (l.file().getFileName().toString().equals(sender + SUFFIX)) clear();
      else Files.deleteIfExists(l.file());
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot delete the digest journal " + l.file() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Senders are named "paperboy-PID-RANDOM"; one whose process is gone will not mark its journal.
   */
  private static boolean alive(String owner) {
    String[] p = owner.split("-");
    if (p.length < 3) return false;
    try {
      return ProcessHandle.of(Long.parseLong(p[1])).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Closes the journal; an empty one is deleted. */
  @Override
  public void close() {
    if (out == null) return;
    try {
      boolean empty = out.size() == 0;
      out.close();
      if (empty) Files.deleteIfExists(dir.resolve(sender + SUFFIX));
    } catch (IOException ignored) {
      // nothing is lost: every write already reached the kernel, and a leftover file is replayed
    }
    out = null;
  }
}
