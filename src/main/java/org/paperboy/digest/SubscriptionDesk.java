package org.paperboy.digest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.paperboy.BadInputException;
import org.paperboy.NotFoundException;
import org.paperboy.account.RateLimiter;
import org.paperboy.digest.DigestLinks.Purpose;
import org.paperboy.digest.Subscription.Status;
import org.paperboy.mail.Mail;
import org.paperboy.mail.Mailer;

/**
 * Subscriptions as readers and admins change them: admin subscribe, the double opt-in of the web
 * form (rate limited per client, per address and for everyone; unconfirmed ones expire), and
 * everything a signed link may do (confirm, manage, pause, unsubscribe).
 */
final class SubscriptionDesk {
  /** Confirmation mails per address per hour: enough to retry, too few to mail-bomb someone. */
  static final int CONFIRMATIONS_PER_HOUR = 3;

  /**
   * Web subscriptions per client address per hour, and from everyone per hour: one script cycling
   * through addresses can no longer fill inboxes and the table (the per-address limit alone let one
   * client send 6,286 confirmation mails in 10 s).
   */
  static final int REQUESTS_PER_CLIENT_PER_HOUR = 10;

  static final int REQUESTS_PER_HOUR = 200;

  /** An unconfirmed subscription is deleted when its confirmation link has expired. */
  static final Duration PENDING_LIFETIME = DigestLinks.Purpose.CONFIRM.lifetime;

  private final Subscriptions subscriptions;
  private final Mailer mailer;
  private final Clock clock;
  private final Supplier<DigestLinks> links;
  private final RateLimiter confirmations;
  private final RateLimiter perClient;
  private final RateLimiter everyone;

  /** {@code links}: the current signer (its base URL may be set once serve knows its port). */
  SubscriptionDesk(
      Subscriptions subscriptions, Mailer mailer, Clock clock, Supplier<DigestLinks> links) {
    this.subscriptions = subscriptions;
    this.mailer = mailer;
    this.clock = clock;
    this.links = links;
    this.confirmations = new RateLimiter(CONFIRMATIONS_PER_HOUR, Duration.ofHours(1), clock);
    this.perClient = new RateLimiter(REQUESTS_PER_CLIENT_PER_HOUR, Duration.ofHours(1), clock);
    this.everyone = new RateLimiter(REQUESTS_PER_HOUR, Duration.ofHours(1), clock);
  }

  Subscription subscribe(SubscriptionForm form, boolean confirmed) {
    Subscription s =
        subscriptions.save(form, confirmed ? Status.ACTIVE : Status.PENDING, clock.instant());
    if (s.status() == Status.PENDING) mailConfirmation(s);
    return s;
  }

  /** The web form from {@code client} (its IP address); false when over a limit: nothing mailed. */
  boolean request(SubscriptionForm form, String client) {
    if (!perClient.tryAcquire(client)) return false;
    if (!confirmations.tryAcquire(form.email())) return false;
    if (!everyone.tryAcquire("")) return false;
    subscriptions.deletePendingBefore(clock.instant().minus(PENDING_LIFETIME));
    Optional<Subscription> old = subscriptions.find(form.email());
    if (old.isPresent() && old.get().status() != Status.PENDING) {
      Subscription s = old.get();
      mailer.send(
          new Mail(
              s.email(),
              "Your paperboy digest subscription",
              "Hello,\n\nsomeone (perhaps you) asked to subscribe this address to the paperboy digest. It is"
                  + " subscribed already; to change alerts, time or zone, or to unsubscribe, open:\n\n"
                  + links.get().url(Purpose.MANAGE, s.id(), clock.instant())
                  + "\n"));
      return true;
    }
    mailConfirmation(subscriptions.save(form, Status.PENDING, clock.instant()));
    return true;
  }

  private void mailConfirmation(Subscription s) {
    mailer.send(
        new Mail(
            s.email(),
            "Confirm your paperboy digest",
            "Hello,\n\nplease confirm that you want the daily paperboy digest at this address:\n\n"
                + links.get().url(Purpose.CONFIRM, s.id(), clock.instant())
                + "\n\nNothing is sent before you confirm. If you did not ask for it, ignore this message.\n"));
  }

  Subscription confirm(String token) {
    long id = verify(Purpose.CONFIRM, token);
    subscriptions.confirm(id, clock.instant());
    return subscription(id);
  }

  Subscription manage(String token) {
    return subscription(verify(Purpose.MANAGE, token));
  }

  Subscription update(String token, SubscriptionForm form) {
    Subscription s = manage(token);
    if (!s.email().equals(form.email()))
      throw new BadInputException(
          "the address of a subscription cannot change; subscribe the new one instead");
    return subscriptions.save(
        form, s.status() == Status.PENDING ? Status.ACTIVE : s.status(), clock.instant());
  }

  Subscription pause(String token, boolean paused) {
    Subscription s = manage(token);
    subscriptions.setStatus(s.id(), paused ? Status.PAUSED : Status.ACTIVE);
    return subscription(s.id());
  }

  boolean unsubscribe(String token) {
    return subscriptions.remove(verify(Purpose.UNSUBSCRIBE, token));
  }

  boolean deleteByManageLink(String token) {
    return subscriptions.remove(verify(Purpose.MANAGE, token));
  }

  boolean remove(String email) {
    return subscriptions.remove(SubscriptionForm.email(email));
  }

  List<Subscription> all() {
    return subscriptions.all();
  }

  Optional<Subscription> find(String email) {
    return subscriptions.find(SubscriptionForm.email(email));
  }

  String manageToken(long id) {
    return links.get().token(Purpose.MANAGE, id, clock.instant());
  }

  private long verify(Purpose purpose, String token) {
    return links.get().verify(purpose, token, clock.instant());
  }

  private Subscription subscription(long id) {
    return subscriptions
        .find(id)
        .orElseThrow(() -> new NotFoundException("this subscription no longer exists"));
  }
}
