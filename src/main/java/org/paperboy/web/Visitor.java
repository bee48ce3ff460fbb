package org.paperboy.web;

import io.javalin.http.Context;
import java.util.function.Supplier;
import org.paperboy.account.Account;

/**
 * Who is asking: their account when signed in (else null) and the CSRF token for their forms. The
 * token is made on first use, because making it may set a cookie, and only a page with a form
 * should: static files, feeds and API answers carry no cookie a shared cache could hand on.
 */
final class Visitor {
  static final String ATTRIBUTE = "paperboy.visitor";
  private static final Visitor NOBODY = new Visitor(null, () -> "");

  private final Account account;
  private final Supplier<String> token;
  private String csrf;

  Visitor(Account account, Supplier<String> token) {
    this.account = account;
    this.token = token;
  }

  Account account() {
    return account;
  }

  boolean signedIn() {
    return account != null;
  }

  /** The token every form of this visitor carries (one request is one thread: no lock). */
  String csrf() {
    if (csrf == null) csrf = token.get();
    return csrf;
  }

  static Visitor of(Context ctx) {
    Visitor v = ctx.attribute(ATTRIBUTE);
    return v != null ? v : NOBODY;
  }
}
