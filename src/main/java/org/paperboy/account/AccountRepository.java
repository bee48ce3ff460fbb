package org.paperboy.account;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Accounts, sessions and spent sign-in links in SQL. */
final class AccountRepository {
  private final Jdbi jdbi;

  AccountRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Every account's address by id. */
  Map<Long, String> addresses() {
    Map<Long, String> out = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT id, email FROM accounts")
                .map((rs, ctx) -> out.put(rs.getLong(1), rs.getString(2)))
                .forEach(x -> {}));
    return out;
  }

  /** The account for {@code email}, created on first sign-in. */
  Account findOrCreate(String email, Instant now) {
    try {
      return tryFindOrCreate(email, now);
    } catch (UnableToExecuteStatementException e) {
      return tryFindOrCreate(email, now); // a parallel first sign-in created it: now it is found
    }
  }

  private Account tryFindOrCreate(String email, Instant now) {
    return jdbi.inTransaction(
        h -> {
          Optional<Account> found =
              h.createQuery("SELECT id, email FROM accounts WHERE email = :e")
                  .bind("e", email)
                  .map((rs, ctx) -> new Account(rs.getLong(1), rs.getString(2)))
                  .findOne();
          if (found.isPresent()) return found.get();
          long id =
              h.createUpdate("INSERT INTO accounts (email, created_at) VALUES (:e, :t)")
                  .bind("e", email)
                  .bind("t", now)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          return new Account(id, email);
        });
  }

  /** Records {@code nonce} as spent; false when it already was. */
  boolean spend(String nonce, Instant now) {
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate("INSERT INTO used_login_links (nonce, used_at) VALUES (:n, :t)")
                  .bind("n", nonce)
                  .bind("t", now)
                  .execute());
      return true;
    } catch (UnableToExecuteStatementException e) { // primary key taken: spent before
      return false;
    }
  }

  void createSession(String tokenHash, long accountId, Instant now, Instant expires) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO sessions (token_hash, account_id, created_at, expires_at)"
                        + " VALUES (:h, :a, :t, :x)")
                .bind("h", tokenHash)
                .bind("a", accountId)
                .bind("t", now)
                .bind("x", expires)
                .execute());
  }

  Optional<Account> session(String tokenHash, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT a.id, a.email FROM sessions s JOIN accounts a ON a.id = s.account_id"
                        + " WHERE s.token_hash = :h AND s.expires_at > :t")
                .bind("h", tokenHash)
                .bind("t", now)
                .map((rs, ctx) -> new Account(rs.getLong(1), rs.getString(2)))
                .findOne());
  }

  void deleteSession(String tokenHash) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM sessions WHERE token_hash = :h")
                .bind("h", tokenHash)
                .execute());
  }
}
