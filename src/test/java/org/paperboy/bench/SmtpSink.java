package org.paperboy.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The smallest SMTP server that takes mail: answers EHLO, MAIL, RCPT, DATA, RSET, NOOP and QUIT
 * with success, reads each message to its final dot and throws it away, counting messages and
 * bytes. Plain sockets, a thread per connection. It measures what a sender costs, not a mail store.
 */
final class SmtpSink implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  SmtpSink() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "smtp-sink");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  long messages() {
    return messages.get();
  }

  long bytes() {
    return bytes.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> serve(s), "smtp-sink-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s) {
    try (s;
        InputStream in = new BufferedInputStream(s.getInputStream(), 65536);
        OutputStream out = s.getOutputStream()) {
      reply(out, "220 sink ESMTP");
      StringBuilder line = new StringBuilder();
      while (readLine(in, line)) {
        String cmd =
            line.length() >= 4
                ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT)
                : line.toString();
        switch (cmd) {
          case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 PIPELINING");
          case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "DATA" -> {
            reply(out, "354 go on");
            bytes.addAndGet(skipMessage(in));
            messages.incrementAndGet();
            reply(out, "250 accepted");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /** Reads up to and including CRLF; false at the end of the stream. */
  private static boolean readLine(InputStream in, StringBuilder line) throws IOException {
    line.setLength(0);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') return true;
      if (c != '\r') line.append((char) c);
    }
    return false;
  }

  /** Skips a message body up to the line holding only a dot; returns its size. */
  private static long skipMessage(InputStream in) throws IOException {
    long n = 0;
    int state =
        2; // 0: mid-line, 1: saw CR, 2: at line start, 3: saw "." at line start, 4: saw ".\r"
    int c;
    while ((c = in.read()) >= 0) {
      n++;
      state =
          switch (state) {
            case 2 -> c == '.' ? 3 : c == '\r' ? 1 : 0;
            case 3 -> c == '\r' ? 4 : 0;
            case 4 -> c == '\n' ? -1 : 0;
            case 1 -> c == '\n' ? 2 : c == '\r' ? 1 : 0;
            default -> c == '\r' ? 1 : 0;
          };
      if (state == -1) return n;
    }
    throw new IOException("the connection ended inside a message");
  }

  private static void reply(OutputStream out, String s) throws IOException {
    out.write((s + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
