package org.paperboy.store;

import static java.util.Objects.requireNonNull;

/**
 * Where the store is: a JDBC URL (by default an H2 file in the data dir, see {@link
 * Database#h2Url}) and its credentials, which may be null.
 */
public record StoreSettings(String url, String user, String password) {
  public StoreSettings {
    requireNonNull(url, "url");
  }

  @Override
  public String toString() {
    return "StoreSettings[url=" + url + ", user=" + user + ", password=***]";
  }
}
