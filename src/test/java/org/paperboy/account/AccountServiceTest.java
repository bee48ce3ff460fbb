package org.paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.BadInputException;
import org.paperboy.mail.Mail;
import org.paperboy.store.Database;
import org.paperboy.store.StateRepository;
import org.paperboy.testing.MovableClock;

/** Magic links and sessions on a real H2 store, with a clock the test moves. */
class AccountServiceTest {
  @TempDir Path dir;
  Database db;
  List<Mail> sent = new ArrayList<>();
  MovableClock clock = new MovableClock(Instant.parse("2026-06-15T12:00:00Z"));
  AccountService accounts;

  @BeforeEach
  void open() {
    db = Database.open(Database.h2Url(dir), null, null);
    accounts =
        new AccountService(
            db.jdbi(),
            new StateRepository(db.jdbi()),
            null,
            sent::add,
            new AccountService.Limits(5, 3),
            clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  String token() {
    String text = sent.get(sent.size() - 1).text();
    int at = text.indexOf("token=") + 6;
    return text.substring(at, text.indexOf('\n', at));
  }

  @Test
  void a_link_signs_in_once_and_the_session_lasts() {
    accounts.requestLink(" Ada@Example.ORG ", "10.0.0.1", "http://x/login/verify?token=");
    assertThat(sent.get(0).to()).isEqualTo("ada@example.org");

    AccountService.SignIn in = accounts.signIn(token());

    assertThat(in.account().email()).isEqualTo("ada@example.org");
    assertThat(accounts.session(in.sessionToken())).contains(in.account());
    assertThatThrownBy(() -> accounts.signIn(token())).hasMessageContaining("already used");
    clock.advance(AccountService.SESSION_LIFETIME.plusMinutes(1));
    assertThat(accounts.session(in.sessionToken())).isEmpty();
  }

  @Test
  void the_same_address_gets_the_same_account() {
    accounts.requestLink("bob@example.org", "10.0.0.1", "http://x/?token=");
    long first = accounts.signIn(token()).account().id();
    accounts.requestLink("BOB@example.org", "10.0.0.1", "http://x/?token=");
    assertThat(accounts.signIn(token()).account().id()).isEqualTo(first);
  }

  @Test
  void a_link_expires_after_fifteen_minutes() {
    accounts.requestLink("late@example.org", "10.0.0.1", "http://x/?token=");
    clock.advance(AccountService.LINK_LIFETIME.plusSeconds(1));
    assertThatThrownBy(() -> accounts.signIn(token()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void a_tampered_link_is_refused() {
    accounts.requestLink("eve@example.org", "10.0.0.1", "http://x/?token=");
    String token = token();
    String otherEmail =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("admin@example.org".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String forged = otherEmail + token.substring(token.indexOf('.'));
    assertThatThrownBy(() -> accounts.signIn(forged)).hasMessageContaining("not valid");
    assertThatThrownBy(() -> accounts.signIn("junk")).hasMessageContaining("not valid");
  }

  @Test
  void link_requests_are_limited_per_client_and_per_address_for_a_quarter_hour() {
    for (int i = 0; i < 5; i++) {
      assertThat(accounts.requestLink("r" + i + "@example.org", "10.0.0.9", "http://x/?token="))
          .isEqualTo(AccountService.LinkRequest.SENT);
    }
    assertThat(accounts.requestLink("r9@example.org", "10.0.0.9", "http://x/?token="))
        .isEqualTo(AccountService.LinkRequest.RATE_LIMITED);
    assertThat(accounts.requestLink("r9@example.org", "10.0.0.10", "http://x/?token="))
        .isEqualTo(AccountService.LinkRequest.SENT);
    clock.advance(Duration.ofMinutes(16));
    assertThat(accounts.requestLink("r9@example.org", "10.0.0.9", "http://x/?token="))
        .isEqualTo(AccountService.LinkRequest.SENT);
    assertThat(sent).hasSize(7);
  }

  @Test
  void sessions_end_on_sign_out_and_junk_sessions_are_nobody() {
    accounts.requestLink("out@example.org", "10.0.0.1", "http://x/?token=");
    String session = accounts.signIn(token()).sessionToken();
    accounts.signOut(session);
    assertThat(accounts.session(session)).isEmpty();
    assertThat(accounts.session(null)).isEmpty();
    assertThat(accounts.session("x".repeat(500))).isEmpty();
  }
}
