package org.paperboy.digest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real SMTP server on a random port whose replies a test scripts: a bad greeting, a 4xx or
 * 5xx to RCPT, or silence (a stalled server). GreenMail always says yes; this one says what the
 * faults need. Delivered messages are kept whole.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  final ServerSocket socket;
  final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
  final ConcurrentLinkedDeque<String> rcptReplies = new ConcurrentLinkedDeque<>();
  final AtomicInteger connections = new AtomicInteger();
  volatile String greeting = "220 scripted.test ESMTP";
  volatile boolean stall;
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
  private final Thread acceptor;

  ScriptedSmtpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "scripted-smtp-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        open.add(s);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "scripted-smtp-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s) {
    try (s;
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream()) {
      if (stall) {
        Thread.sleep(60_000); // says nothing: the client's timeout must end this
        return;
      }
      say(out, greeting);
      if (!greeting.startsWith("220")) return;
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (cmd) {
          case "EHLO", "HELO" -> say(out, "250 scripted.test");
          case "MAIL", "RSET", "NOOP" -> say(out, "250 OK");
          case "RCPT" -> {
            String r = rcptReplies.poll();
            say(out, r != null ? r : "250 OK");
          }
          case "DATA" -> {
            say(out, "354 go ahead");
            StringBuilder msg = new StringBuilder();
            for (String l = in.readLine(); l != null && !l.equals("."); l = in.readLine())
              msg.append(l).append('\n');
            delivered.add(msg.toString());
            say(out, "250 queued");
          }
          case "QUIT" -> {
            say(out, "221 bye");
            return;
          }
          default -> say(out, "502 not implemented");
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away or the test ended
    }
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (open) {
      for (Socket s : open) s.close();
    }
  }
}
