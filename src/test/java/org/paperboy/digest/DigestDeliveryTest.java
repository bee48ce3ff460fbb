package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Digests planned from real papers and delivered to a real SMTP server (GreenMail, in-process). */
class DigestDeliveryTest {
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final Instant MORNING = Instant.parse("2026-11-26T08:00:00Z");
  static final String ALERT = "multimodal large language models";

  @TempDir Path dir;
  DigestWorld world;
  DigestService digests;

  @BeforeEach
  void open() {
    world = new DigestWorld(dir, MORNING.minus(Duration.ofHours(2)), Map.of());
    digests = world.digests(world.smtp(smtp.getSmtp().getPort()));
  }

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  Subscription subscribe(String email, List<String> alerts, boolean trending) {
    return digests.subscribe(
        SubscriptionForm.parse(email, alerts, trending, "07:00", "UTC", 10), true);
  }

  @Test
  void a_due_reader_gets_one_multipart_digest_with_reasons_links_and_one_click_unsubscribe()
      throws Exception {
    world.papers(DigestWorld.mllm(0, 60));
    subscribe("ada@example.org", List.of(ALERT), false);
    world.clock.set(MORNING);

    RunReport r = digests.run(null, false);

    assertThat(r.planned()).isEqualTo(1);
    assertThat(r.sent()).isEqualTo(1);
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(1);
    MimeMessage m = got[0];
    assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
    assertThat(m.getSubject()).startsWith("paperboy: ").endsWith("for Thu 26 Nov 2026");
    assertThat(m.getMessageID()).matches("<digest\\.\\d+\\.2026-11-26@paperboy\\.test>");
    assertThat(m.getHeader("List-Unsubscribe")[0])
        .matches("<https://paperboy\\.test/unsubscribe\\?token=[^>\\s]+>");
    assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    MimeMultipart alt = (MimeMultipart) m.getContent();
    assertThat(alt.getContentType()).startsWith("multipart/alternative");
    String text = (String) alt.getBodyPart(0).getContent();
    String html = (String) alt.getBodyPart(1).getContent();
    // Paper links go through the signed click redirect, so a click teaches the reader's picks.
    assertThat(text)
        .contains("== Your alerts ==", "matches your alert '" + ALERT + "'")
        .containsPattern(CLICK);
    assertThat(html)
        .contains("<meta name=\"color-scheme\" content=\"light dark\">", "Your alerts")
        .containsPattern(
            "href=\"https://paperboy\\.test/d/c\\?s=\\d+&amp;p=[^&\"]+&amp;k=[\\w-]+\"");
    assertThat(paperLinks(m)).isNotEmpty();
    assertThat(html).doesNotContain("<script", "<style", "<link");
  }

  @Test
  void never_sends_a_paper_twice_and_nothing_new_means_no_email() throws Exception {
    world.papers(DigestWorld.mllm(0, 60));
    subscribe("ada@example.org", List.of(ALERT, "vision-language model"), false);
    world.clock.set(MORNING);
    digests.run(null, false);
    Set<String> first = paperLinks(smtp.getReceivedMessages()[0]);

    RunReport again = digests.run(null, false); // same day: already done
    world.clock.advance(Duration.ofDays(1));
    RunReport nothingNew = digests.run(null, false);
    world.clock.advance(Duration.ofHours(1));
    // The next day brings new papers and again the old ones (a re-ingest changes nothing for the
    // reader).
    world.papers(DigestWorld.mllm(0, 120));
    world.clock.advance(Duration.ofDays(1));
    RunReport third = digests.run(null, false);

    assertThat(again.due()).isZero();
    assertThat(nothingNew.planned()).isZero();
    assertThat(nothingNew.empty()).isEqualTo(1);
    assertThat(third.sent()).isEqualTo(1);
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(2);
    Set<String> second = paperLinks(got[1]);
    assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
  }

  @Test
  void hostile_titles_are_escaped_in_the_html_and_kept_as_text_in_the_plain_part()
      throws Exception {
    world.papers(
        List.<String[]>of(
            new String[] {
              "Visual token reduction <script>alert(1)</script> & \"quotes\" for multimodal large language models",
              "We prune visual tokens in multimodal large language models by 80% with <b>no</b> loss."
            }));
    subscribe("ada@example.org", List.of("visual token reduction"), false);
    world.clock.set(MORNING);
    digests.run(null, false);

    MimeMultipart alt = (MimeMultipart) smtp.getReceivedMessages()[0].getContent();
    String text = (String) alt.getBodyPart(0).getContent();
    String html = (String) alt.getBodyPart(1).getContent();
    assertThat(html)
        .contains(
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;",
            "&lt;b&gt;no&lt;/b&gt;");
    assertThat(html).doesNotContain("<script>", "<b>no</b>");
    assertThat(text).contains("<script>alert(1)</script>");
  }

  @Test
  void upvotes_make_personal_picks_with_their_reason() throws Exception {
    world.papers(DigestWorld.mllm(0, 40));
    // Accounts are made by magic link; here straight in SQL.
    world
        .app
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO accounts (email, created_at) VALUES ('bo@example.org', CURRENT_TIMESTAMP)"));
    long id =
        world
            .app
            .database()
            .jdbi()
            .withHandle(h -> h.createQuery("SELECT id FROM accounts").mapTo(Long.class).one());
    List<String> ids =
        world
            .app
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT id FROM papers WHERE LOWER(title) LIKE '%multimodal%' ORDER BY id LIMIT 3")
                        .mapTo(String.class)
                        .list());
    for (String p : ids) world.app.votes().upvote(id, p, MORNING.minus(Duration.ofDays(3)));
    world.clock.advance(Duration.ofMinutes(5));
    world.papers(DigestWorld.mllm(40, 120));
    subscribe("bo@example.org", List.of(), false);
    world.clock.set(MORNING);

    digests.run(null, false);

    String text =
        (String)
            ((MimeMultipart) smtp.getReceivedMessages()[0].getContent())
                .getBodyPart(0)
                .getContent();
    assertThat(text)
        .contains("== Picked for you ==")
        .containsPattern("similar to \\d+ papers? you upvoted");
    for (String p : ids) assertThat(paperLinks(smtp.getReceivedMessages()[0])).doesNotContain(p);
  }

  @Test
  void a_reader_with_no_match_and_no_trending_gets_no_email() {
    world.papers(DigestWorld.mllm(0, 30));
    subscribe("cy@example.org", List.of("lattice quantum chromodynamics"), false);
    world.clock.set(MORNING);

    RunReport r = digests.run(null, false);

    assertThat(r.empty()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void two_runs_at_once_send_each_digest_once() throws Exception {
    world.papers(DigestWorld.mllm(0, 80));
    for (int i = 0; i < 12; i++) subscribe("r" + i + "@example.org", List.of(ALERT), false);
    DigestService other = world.digests(world.smtp(smtp.getSmtp().getPort()));
    world.clock.set(MORNING);

    var a = CompletableFuture.supplyAsync(() -> digests.run(null, false));
    var b = CompletableFuture.supplyAsync(() -> other.run(null, false));
    RunReport ra = a.get(), rb = b.get();

    assertThat(ra.planned() + rb.planned()).isEqualTo(12);
    assertThat(ra.sent() + rb.sent()).isEqualTo(12);
    List<String> to = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) to.add(m.getAllRecipients()[0].toString());
    assertThat(to).hasSize(12).doesNotHaveDuplicates();
  }

  @Test
  void a_dry_run_shows_the_plan_and_changes_nothing() {
    world.papers(DigestWorld.mllm(0, 60));
    subscribe("ada@example.org", List.of(ALERT), false);
    world.clock.set(MORNING);

    RunReport dry = digests.run(null, true);
    RunReport real = digests.run(null, false);

    assertThat(dry.lines())
        .singleElement()
        .asString()
        .startsWith("ada@example.org 2026-11-26: paperboy: ");
    assertThat(real.sent()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  /** A paper's link in a plain-text digest: subscription, paper id (URL-encoded) and signature. */
  static final Pattern CLICK =
      Pattern.compile("https://paperboy\\.test/d/c\\?s=(\\d+)&p=([^&\\s]+)&k=([\\w-]+)");

  /** The ids of the papers a digest links to. */
  static Set<String> paperLinks(MimeMessage m) throws Exception {
    String text = (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    Set<String> out = new HashSet<>();
    Matcher x = CLICK.matcher(text);
    while (x.find())
      out.add(java.net.URLDecoder.decode(x.group(2), java.nio.charset.StandardCharsets.UTF_8));
    return out;
  }

  static String body(MimeMessage m) {
    return GreenMailUtil.getBody(m);
  }
}
