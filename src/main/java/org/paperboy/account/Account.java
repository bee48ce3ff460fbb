package org.paperboy.account;

import static java.util.Objects.requireNonNull;

/** A signed-in reader: an email address and nothing else. */
public record Account(long id, String email) {
  public Account {
    requireNonNull(email, "email");
  }
}
