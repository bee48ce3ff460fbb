package org.paperboy.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.BadInputException;
import org.paperboy.mail.Mail;
import org.paperboy.mail.Mailer;
import org.paperboy.store.StateRepository;

/**
 * Sign-in by magic link. Anyone may ask for a link for any address: the account is created when the
 * link is used, so the answer never tells whether an address is known. Link requests are rate
 * limited per client address and per email address.
 */
public final class AccountService {
  public static final Duration LINK_LIFETIME = Duration.ofMinutes(15);
  public static final Duration SESSION_LIFETIME = Duration.ofDays(30);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final String SECRET_KEY = "account.hmac-secret";
  private static final String FORM_KEY = "account.form-secret";

  private final AccountRepository accounts;
  private final MagicLinks links;
  private final byte[] formKey;
  private final Mailer mailer;
  private final Clock clock;
  private final RateLimiter perClient;
  private final RateLimiter perAddress;

  /** How many link requests one client address and one email address may make per quarter hour. */
  public record Limits(int perClient, int perAddress) {
    public static final Limits DEFAULT = new Limits(20, 3);
  }

  public AccountService(
      Jdbi jdbi, StateRepository state, String secret, Mailer mailer, Limits limits, Clock clock) {
    this.accounts = new AccountRepository(jdbi);
    this.links = new MagicLinks(Hmac.key(state, SECRET_KEY, secret, ""));
    this.formKey = Hmac.key(state, FORM_KEY, secret, "form:");
    this.mailer = mailer;
    this.clock = clock;
    this.perClient = new RateLimiter(limits.perClient(), Duration.ofMinutes(15), clock);
    this.perAddress = new RateLimiter(limits.perAddress(), Duration.ofMinutes(15), clock);
  }

  /** What became of a link request; the page says the same for SENT whatever the address. */
  public enum LinkRequest {
    SENT,
    RATE_LIMITED
  }

  /**
   * Mails a sign-in link for {@code email} to that address. {@code linkPrefix} is the absolute URL
   * the token is appended to (from configuration, never from the request's Host header).
   */
  public LinkRequest requestLink(String email, String client, String linkPrefix) {
    String address = normalise(email);
    if (!perClient.tryAcquire(client) | !perAddress.tryAcquire(address)) {
      return LinkRequest.RATE_LIMITED;
    }
    String token = links.issue(address, clock.instant().plus(LINK_LIFETIME));
    mailer.send(
        new Mail(
            address,
            "Your paperboy sign-in link",
            "Hello,\n\nopen this link to sign in to paperboy:\n\n"
                + linkPrefix
                + token
                + "\n\nIt works once, for "
                + LINK_LIFETIME.toMinutes()
                + " minutes. If you did not ask for it, ignore this message.\n"));
    return LinkRequest.SENT;
  }

  /** A new session for the reader a link was sent to: the session token and the account. */
  public record SignIn(String sessionToken, Account account) {}

  /** Spends a sign-in token; a bad, expired or spent one is a {@link BadInputException}. */
  public SignIn signIn(String token) {
    MagicLinks.Claim claim = links.verify(token);
    Instant now = clock.instant();
    if (claim == null)
      throw new BadInputException("this sign-in link is not valid; ask for a new one");
    if (!claim.expires().isAfter(now)) {
      throw new BadInputException("this sign-in link has expired; ask for a new one");
    }
    if (!accounts.spend(claim.nonce(), now)) {
      throw new BadInputException("this sign-in link was already used; ask for a new one");
    }
    Account account = accounts.findOrCreate(claim.email(), now);
    String session = MagicLinks.randomToken();
    accounts.createSession(
        MagicLinks.sha256(session), account.id(), now, now.plus(SESSION_LIFETIME));
    return new SignIn(session, account);
  }

  /** Checks a session token; empty when it is unknown or expired. */
  public Optional<Account> session(String sessionToken) {
    if (sessionToken == null || sessionToken.isEmpty() || sessionToken.length() > 200) {
      return Optional.empty();
    }
    return accounts.session(MagicLinks.sha256(sessionToken), clock.instant());
  }

  /**
   * Every account's address by account id: the digest finds a subscriber's votes and saves through
   * the account with their address (sign-in is by address, so the two are one person).
   */
  public Map<Long, String> addresses() {
    return accounts.addresses();
  }

  /**
   * The CSRF token of the forms shown to whoever holds {@code binding}: their session token when
   * signed in, else the random id in their anonymous cookie. It is an HMAC of it, so a token is
   * worth nothing without the cookie it was made for, and no one can make the token of a cookie
   * they planted in a victim's browser (cookies do not keep ports or subdomains apart).
   */
  public String formToken(String kind, String binding) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Hmac.sha256(formKey, kind + ":" + binding));
  }

  public void signOut(String sessionToken) {
    if (sessionToken != null) accounts.deleteSession(MagicLinks.sha256(sessionToken));
  }

  /** Lower-cased and checked; junk is a {@link BadInputException}. */
  static String normalise(String email) {
    String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (e.length() > 320 || !EMAIL.matcher(e).matches()) {
      throw new BadInputException("'" + abbreviate(e) + "' is not an email address");
    }
    return e;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
