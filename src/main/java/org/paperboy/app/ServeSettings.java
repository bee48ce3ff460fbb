package org.paperboy.app;

import static java.util.Objects.requireNonNull;

/** Where {@code paperboy serve} listens; port 0 picks a free one. */
public record ServeSettings(String host, int port) {
  public ServeSettings {
    requireNonNull(host, "host");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port);
  }
}
