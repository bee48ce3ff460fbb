package org.paperboy.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Plain sockets with TCP_NODELAY. SMTP is a conversation of small writes; with Nagle's algorithm
 * the last one of each message waits for the server's delayed ACK (40 ms on Linux), which capped a
 * connection at ~20 messages/s.
 */
final class NoDelaySockets extends SocketFactory {
  static final NoDelaySockets INSTANCE = new NoDelaySockets();

  private static Socket noDelay(Socket s) throws SocketException {
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return noDelay(new Socket(host, port, local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
      throws IOException {
    return noDelay(new Socket(host, port, local, localPort));
  }
}
