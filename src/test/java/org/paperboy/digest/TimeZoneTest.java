package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Readers get their digest at their own local time, also on the days the clocks change. */
class TimeZoneTest {
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  DigestWorld world;
  DigestService digests;
  int next;

  @BeforeEach
  void open() {
    world = new DigestWorld(dir, Instant.parse("2026-03-27T03:00:00Z"), Map.of());
    digests = world.digests(world.smtp(smtp.getSmtp().getPort()));
  }

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  void subscribe(String email, String time, String zone) {
    digests.subscribe(
        SubscriptionForm.parse(email, List.of("multimodal"), false, time, zone, 3), true);
  }

  /** New papers, first seen at {@code t}. */
  void newPapersAt(String t) {
    world.clock.set(Instant.parse(t));
    world.papers(DigestWorld.mllm(next, next + 25));
    next += 25;
  }

  RunReport runAt(String t) {
    world.clock.set(Instant.parse(t));
    return digests.run(null, false);
  }

  List<String> subjects() throws Exception {
    List<String> out = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages())
      out.add(m.getAllRecipients()[0] + " " + m.getSubject());
    return out;
  }

  @Test
  void seven_in_berlin_stays_seven_across_the_spring_change() throws Exception {
    subscribe("berlin@example.org", "07:00", "Europe/Berlin");

    newPapersAt("2026-03-28T03:00:00Z"); // Saturday, CET (UTC+1): 07:00 is 06:00Z
    RunReport satEarly = runAt("2026-03-28T05:59:00Z");
    RunReport sat = runAt("2026-03-28T06:00:00Z");
    newPapersAt("2026-03-29T03:00:00Z"); // Sunday: clocks jump 02:00 -> 03:00, 07:00 is 05:00Z
    RunReport sunEarly = runAt("2026-03-29T04:59:00Z");
    RunReport sun = runAt("2026-03-29T05:00:00Z");
    newPapersAt("2026-03-30T03:00:00Z"); // Monday, CEST (UTC+2)
    RunReport monEarly = runAt("2026-03-30T04:59:00Z");
    RunReport mon = runAt("2026-03-30T05:00:00Z");

    assertThat(List.of(satEarly.due(), sunEarly.due(), monEarly.due())).containsOnly(0);
    assertThat(List.of(sat.sent(), sun.sent(), mon.sent())).containsOnly(1);
    assertThat(subjects())
        .allMatch(s -> s.startsWith("berlin@example.org paperboy: "))
        .satisfiesExactly(
            s -> assertThat(s).endsWith("Sat 28 Mar 2026"),
            s -> assertThat(s).endsWith("Sun 29 Mar 2026"),
            s -> assertThat(s).endsWith("Mon 30 Mar 2026"));
  }

  @Test
  void a_send_time_inside_the_missing_hour_is_due_when_the_clocks_have_jumped() {
    world.clock.set(Instant.parse("2026-03-07T12:00:00Z"));
    subscribe("ny@example.org", "02:30", "America/New_York"); // 2026-03-08 02:00 EST -> 03:00 EDT
    newPapersAt("2026-03-08T05:00:00Z");

    RunReport before = runAt("2026-03-08T06:59:00Z"); // 01:59 EST
    RunReport after = runAt("2026-03-08T07:00:00Z"); // 03:00 EDT

    assertThat(before.due()).isZero();
    assertThat(after.sent()).isEqualTo(1);
  }

  @Test
  void the_repeated_hour_in_autumn_sends_once() {
    subscribe("berlin@example.org", "02:30", "Europe/Berlin"); // 2026-10-25 03:00 CEST -> 02:00 CET
    newPapersAt("2026-10-24T20:00:00Z");

    RunReport first = runAt("2026-10-25T00:30:00Z"); // 02:30 CEST
    RunReport second = runAt("2026-10-25T01:30:00Z"); // 02:30 CET, the same wall time again

    assertThat(first.sent()).isEqualTo(1);
    assertThat(second.due()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void readers_on_either_side_of_the_date_line_get_their_own_local_date() throws Exception {
    subscribe("auckland@example.org", "08:00", "Pacific/Auckland");
    subscribe("la@example.org", "08:00", "America/Los_Angeles");
    newPapersAt("2026-11-26T10:00:00Z");

    RunReport r = runAt("2026-11-26T19:00:00Z"); // Auckland: Fri 27 08:00; LA: Thu 26 11:00

    assertThat(r.sent()).isEqualTo(2);
    assertThat(subjects())
        .containsExactlyInAnyOrder(
            "auckland@example.org paperboy: 3 papers for Fri 27 Nov 2026",
            "la@example.org paperboy: 3 papers for Thu 26 Nov 2026");
  }

  @Test
  void a_run_for_a_given_date_ignores_send_times() {
    subscribe("late@example.org", "23:00", "UTC");
    newPapersAt("2026-11-26T06:00:00Z");
    world.clock.set(Instant.parse("2026-11-26T07:00:00Z"));

    RunReport normal = digests.run(null, false);
    RunReport forced = digests.run(java.time.LocalDate.parse("2026-11-26"), false);
    world.clock.advance(Duration.ofHours(17));
    RunReport evening = digests.run(null, false);

    assertThat(normal.due()).isZero();
    assertThat(forced.sent()).isEqualTo(1);
    assertThat(evening.due()).isZero(); // that date has its digest already
  }
}
