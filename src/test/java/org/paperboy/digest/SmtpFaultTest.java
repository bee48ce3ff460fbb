package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run does when the mail server misbehaves: retry what is temporary, fail what is not. */
class SmtpFaultTest {
  static final Instant MORNING = Instant.parse("2026-11-26T08:00:00Z");
  static final DigestSettings SETTINGS =
      new DigestSettings(DigestWorld.BASE, Duration.ofMinutes(2), 4, 2, Duration.ofMinutes(5));

  @TempDir Path dir;
  DigestWorld world;
  ScriptedSmtpServer server;
  DigestService digests;

  @BeforeEach
  void open() throws Exception {
    world = new DigestWorld(dir, MORNING.minus(Duration.ofHours(2)), Map.of());
    server = new ScriptedSmtpServer();
    digests = world.digests(world.smtp(server.port()), SETTINGS);
    world.papers(DigestWorld.mllm(0, 40));
    world.clock.set(MORNING);
  }

  @AfterEach
  void close() throws Exception {
    server.close();
    world.close();
  }

  void subscribe(String email) {
    digests.subscribe(
        SubscriptionForm.parse(email, List.of("multimodal"), false, "07:00", "UTC", 5), true);
  }

  /** The outbox's rows by status. */
  Map<String, Integer> outboxCounts() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    world
        .app
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.createQuery("SELECT status, COUNT(*) FROM digests GROUP BY status")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  String lastError(String email) {
    return world
        .app
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT d.last_error FROM digests d JOIN subscriptions s ON s.id = d.subscription_id WHERE s.email = :e ORDER BY d.id DESC LIMIT 1")
                    .bind("e", email)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void a_451_is_retried_after_the_backoff_and_then_delivered_once() {
    subscribe("ada@example.org");
    server.rcptReplies.add("451 4.7.1 greylisted, try again later");

    RunReport first = digests.run(null, false);
    String error = lastError("ada@example.org");
    RunReport tooSoon = digests.run(null, false);
    world.clock.advance(Duration.ofMinutes(2));
    RunReport later = digests.run(null, false);

    assertThat(first.retrying()).isEqualTo(1);
    assertThat(error).contains("451", "greylisted");
    assertThat(tooSoon.sent()).isZero();
    assertThat(later.sent()).isEqualTo(1);
    assertThat(server.delivered).hasSize(1);
    assertThat(outboxCounts()).containsEntry("sent", 1);
  }

  @Test
  void a_421_greeting_is_temporary() {
    subscribe("ada@example.org");
    server.greeting = "421 4.3.2 too busy, come back later";

    RunReport busy = digests.run(null, false);
    String error = lastError("ada@example.org");
    server.greeting = "220 scripted.test ESMTP";
    world.clock.advance(Duration.ofMinutes(3));
    RunReport fine = digests.run(null, false);

    assertThat(busy.retrying()).isEqualTo(1);
    assertThat(error).contains("421");
    assertThat(fine.sent()).isEqualTo(1);
  }

  @Test
  void a_550_fails_for_good_with_the_reply_and_pauses_the_reader_after_repeated_refusals() {
    subscribe("gone@example.org");
    server.rcptReplies.add("550 5.1.1 <gone@example.org>: no such user");

    RunReport day1 = digests.run(null, false);
    String error = lastError("gone@example.org");
    world.clock.advance(Duration.ofDays(1));
    world.papers(DigestWorld.mllm(40, 80));
    world.clock.advance(Duration.ofMinutes(1));
    server.rcptReplies.add("550 5.1.1 <gone@example.org>: no such user");
    RunReport day2 = digests.run(null, false);
    world.clock.advance(Duration.ofDays(1));
    world.papers(DigestWorld.mllm(80, 120));
    world.clock.advance(Duration.ofMinutes(1));
    RunReport day3 = digests.run(null, false);

    assertThat(day1.failed()).isEqualTo(1);
    assertThat(day1.retrying()).isZero();
    assertThat(error).contains("550", "no such user");
    assertThat(day2.paused()).isEqualTo(1);
    assertThat(digests.find("gone@example.org").orElseThrow().status())
        .isEqualTo(Subscription.Status.PAUSED);
    assertThat(day3.due()).isZero();
    assertThat(server.delivered).isEmpty();
  }

  @Test
  void a_refused_connection_is_retried_and_the_run_does_not_hammer_a_dead_server()
      throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    DigestService toNowhere = world.digests(world.smtp(closedPort), SETTINGS);
    for (int i = 0; i < 5; i++) subscribe("r" + i + "@example.org");

    RunReport r = toNowhere.run(null, false);

    assertThat(r.planned()).isEqualTo(5);
    assertThat(r.retrying()).isEqualTo(3); // three failures in a row end the send phase
    assertThat(r.failed()).isZero();
    assertThat(outboxCounts()).containsEntry("queued", 5);
    assertThat(lastError("r0@example.org")).contains("cannot connect");
  }

  @Test
  void a_stalling_server_times_out_and_the_digest_is_retried() {
    subscribe("ada@example.org");
    server.stall = true; // silent for a minute

    RunReport r = digests.run(null, false);

    // No bound on the wall clock: the reply says the client's own timeout ended the wait (a server
    // that hung up would be another error), and the run returned, long before the server would.
    assertThat(r.retrying()).isEqualTo(1);
    assertThat(lastError("ada@example.org")).contains("did not answer in time");
  }

  @Test
  void after_the_last_attempt_a_temporary_failure_is_given_up_without_pausing() {
    subscribe("ada@example.org");
    for (int i = 0; i < SETTINGS.maxAttempts(); i++)
      server.rcptReplies.add("452 4.2.2 mailbox full");

    int retrying = 0, failed = 0;
    for (int i = 0; i < SETTINGS.maxAttempts(); i++) {
      RunReport r = digests.run(null, false);
      retrying += r.retrying();
      failed += r.failed();
      world.clock.advance(Duration.ofHours(1));
    }

    assertThat(retrying).isEqualTo(SETTINGS.maxAttempts() - 1);
    assertThat(failed).isEqualTo(1);
    assertThat(lastError("ada@example.org")).startsWith("gave up after 4 attempts").contains("452");
    assertThat(digests.find("ada@example.org").orElseThrow().status())
        .isEqualTo(Subscription.Status.ACTIVE);
  }

  @Test
  void many_digests_go_over_one_connection() {
    for (int i = 0; i < 8; i++) subscribe("r" + i + "@example.org");

    RunReport r = digests.run(null, false);

    assertThat(r.sent()).isEqualTo(8);
    assertThat(server.delivered).hasSize(8);
    assertThat(server.connections.get()).isEqualTo(1);
  }
}
