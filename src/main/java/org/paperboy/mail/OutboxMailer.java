package org.paperboy.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.paperboy.PaperboyException;

/**
 * Writes each message as an RFC 5322 {@code .eml} file in a directory (by default {@code
 * data/outbox/}), named so that names sort by time. Any mail client opens them.
 */
public final class OutboxMailer implements Mailer {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern NAME = Pattern.compile("[0-9TZ.]+-[0-9a-f]{8}\\.eml");

  private final Path dir;
  private final String from;
  private final Clock clock;
  private final MessageIds ids;

  public OutboxMailer(Path dir, String from, Clock clock) {
    this.dir = dir;
    this.from = from;
    this.clock = clock;
    this.ids = new MessageIds(from);
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void send(Mail mail) {
    var now = clock.instant();
    String name = STAMP.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml";
    StringBuilder eml =
        new StringBuilder(1024)
            .append("From: ")
            .append(from)
            .append("\r\nTo: ")
            .append(mail.to())
            .append("\r\nSubject: ")
            .append(mail.subject())
            .append("\r\nDate: ")
            .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC)));
    eml.append("\r\nMessage-ID: ").append(ids.of(mail.headers().get("Message-ID")));
    mail.headers()
        .forEach(
            (k, v) -> {
              if (!k.equalsIgnoreCase("Message-ID"))
                eml.append("\r\n").append(k).append(": ").append(v);
            });
    eml.append("\r\nMIME-Version: 1.0");
    if (mail.html() == null) {
      eml.append(
              "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
          .append(crlf(mail.text()));
    } else {
      // 8bit parts, not quoted-printable, so links stay whole for a reader (or a test) of the file.
      String b = "=_paperboy_" + UUID.randomUUID().toString().replace("-", "");
      eml.append("\r\nContent-Type: multipart/alternative; boundary=\"")
          .append(b)
          .append("\"\r\n\r\n")
          .append("--")
          .append(b)
          .append("\r\nContent-Type: text/plain; charset=utf-8\r\n")
          .append("Content-Transfer-Encoding: 8bit\r\n\r\n")
          .append(crlf(mail.text()))
          .append("\r\n--")
          .append(b)
          .append("\r\nContent-Type: text/html; charset=utf-8\r\n")
          .append("Content-Transfer-Encoding: 8bit\r\n\r\n")
          .append(crlf(mail.html()))
          .append("\r\n--")
          .append(b)
          .append("--\r\n");
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name), eml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot write mail to the outbox " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String crlf(String s) {
    return s.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /** A message in the outbox, parsed back. */
  public record Stored(String name, String to, String subject, String date, String text) {}

  /** The text/plain part of a multipart body written by {@link #send}, or the body as is. */
  private static String plainPart(String contentType, String body) {
    int at = contentType.indexOf("boundary=\"");
    if (at < 0) return body;
    String b = "--" + contentType.substring(at + 10, contentType.indexOf('"', at + 10));
    int start = body.indexOf(b);
    int head = start < 0 ? -1 : body.indexOf("\n\n", start);
    int end = head < 0 ? -1 : body.indexOf("\n" + b, head);
    return end < 0 ? body : body.substring(head + 2, end);
  }

  /** The newest {@code limit} messages, newest first. */
  public List<Stored> list(int limit) {
    if (!Files.isDirectory(dir)) return List.of();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.eml")) {
      s.forEach(files::add);
    } catch (IOException e) {
      throw new PaperboyException("cannot list the outbox " + dir + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
    List<Stored> out = new ArrayList<>();
    for (Path f : files.subList(0, Math.min(limit, files.size()))) read(f).ifPresent(out::add);
    return out;
  }

  /** One message by file name; names are checked, so no path can leave the outbox. */
  public Optional<Stored> find(String name) {
    if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
    Path f = dir.resolve(name);
    return Files.isRegularFile(f) ? read(f) : Optional.empty();
  }

  private static Optional<Stored> read(Path f) {
    String raw;
    try {
      raw = Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty(); // deleted meanwhile or unreadable: not worth failing a page for
    }
    int split = raw.indexOf("\r\n\r\n");
    String head = split < 0 ? raw : raw.substring(0, split);
    String body = split < 0 ? "" : raw.substring(split + 4).replace("\r\n", "\n");
    String to = "", subject = "", date = "";
    for (String line : head.split("\r\n")) {
      if (line.startsWith("To: ")) to = line.substring(4);
      else if (line.startsWith("Subject: ")) subject = line.substring(9);
      else if (line.startsWith("Date: ")) date = line.substring(6);
      else if (line.startsWith("Content-Type: multipart/")) body = plainPart(line, body);
    }
    return Optional.of(new Stored(f.getFileName().toString(), to, subject, date, body));
  }
}
