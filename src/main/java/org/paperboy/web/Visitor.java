package org.paperboy.web;

import io.javalin.http.Context;
import org.paperboy.account.Account;

/** Who is asking: their account when signed in (else null) and the CSRF token for their forms. */
record Visitor(Account account, String csrf) {
  static final String ATTRIBUTE = "paperboy.visitor";

  boolean signedIn() {
    return account != null;
  }

  static Visitor of(Context ctx) {
    Visitor v = ctx.attribute(ATTRIBUTE);
    return v != null ? v : new Visitor(null, "");
  }
}
