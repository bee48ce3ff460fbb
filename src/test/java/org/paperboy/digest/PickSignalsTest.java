package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.BadInputException;
import org.paperboy.digest.DigestPlan.Item;
import org.paperboy.digest.DigestPlan.Section;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.embed.CachingEmbedder;
import org.paperboy.embed.Embedder;
import org.paperboy.embed.EmbeddingCache;

/**
 * Saved papers and clicks in earlier digests teach a reader's picks as upvotes do: each alone pulls
 * similar new papers into "Picked for you", with a reason that names it.
 */
class PickSignalsTest {
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final Instant MORNING = Instant.parse("2026-11-26T08:00:00Z");

  @TempDir Path dir;
  DigestWorld world;
  DigestService digests;

  @BeforeEach
  void open() {
    world = new DigestWorld(dir, MORNING.minus(Duration.ofDays(3)), Map.of());
    digests = world.digests(world.smtp(smtp.getSmtp().getPort()));
  }

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  /** Picks on hashed words (the worlds here run without embeddings). */
  private List<Item> picks(Subscription s) {
    return picks(List.of(s), null).get(0);
  }

  /**
   * The picks of each reader, planned in one run as the service plans them; with {@code embedder},
   * on its stored vectors.
   */
  private List<List<Item>> picks(List<Subscription> readers, Embedder embedder) {
    DigestPlanner planner =
        new DigestPlanner(
            world.app.database().jdbi(),
            world.app.papers(),
            world.app.search(),
            world.app.trending(),
            new StoredVectors(embedder),
            new LikedPapers(
                world.app.accounts(),
                world.app.votes(),
                world.app.saved(),
                new DigestClicks(world.app.database().jdbi())),
            world.threads.get(0).digestPlanning());
    List<Subscription> now =
        readers.stream().map(s -> digests.find(s.email()).orElseThrow()).toList();
    DigestPlanner.Run run = planner.run(now, world.clock.instant());
    return now.stream()
        .map(
            s ->
                run.plan(s, LocalDate.of(2026, 11, 26)).items().stream()
                    .filter(i -> i.section() == Section.PICKS)
                    .toList())
        .toList();
  }

  private long account(String email) {
    world
        .app
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO accounts (email, created_at) VALUES (:e, CURRENT_TIMESTAMP)")
                    .bind("e", email)
                    .execute());
    return world
        .app
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM accounts WHERE email = :e")
                    .bind("e", email)
                    .mapTo(Long.class)
                    .one());
  }

  /**
   * The paper and the signed link parts (subscription, paper, signature) of the first paper link in
   * a digest.
   */
  private static String[] firstLink(MimeMessage m) throws Exception {
    String text = (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    Matcher link = DigestDeliveryTest.CLICK.matcher(text);
    assertThat(link.find()).as(text).isTrue();
    return new String[] {
      link.group(1), URLDecoder.decode(link.group(2), StandardCharsets.UTF_8), link.group(3)
    };
  }

  @Test
  void on_paper_vectors_a_saved_paper_and_a_clicked_one_each_pull_similar_new_papers_in()
      throws Exception {
    world.close();
    world =
        new DigestWorld(
            dir.resolve("vectors"),
            MORNING.minus(Duration.ofDays(3)),
            Map.of("PAPERBOY_EMBEDDINGS", "on"));
    digests = world.digests(world.smtp(smtp.getSmtp().getPort()));
    world.papers(DigestWorld.mllm(0, 30));
    long sam = account("sam@example.org");
    Subscription saver =
        digests.subscribe(
            SubscriptionForm.parse("sam@example.org", List.of(), false, "07:00", "UTC", 10), true);
    Subscription clicker =
        digests.subscribe(
            SubscriptionForm.parse(
                "cleo@example.org",
                List.of("multimodal large language models"),
                false,
                "07:00",
                "UTC",
                10),
            true);
    world.clock.set(MORNING.minus(Duration.ofDays(1)));
    digests.run(null, false); // cleo's alert digest; sam has nothing liked, so nothing
    String[] link = firstLink(smtp.getReceivedMessages()[0]);
    world.clock.advance(Duration.ofHours(1));
    world.papers(DigestWorld.mllm(30, 70));
    while (world.app.search().embedMissing(64) > 0) {} // every paper gets its bge-small vector
    world.clock.set(MORNING);
    try (CachingEmbedder vectors =
        new CachingEmbedder(
            BgeSmallEmbedder.lazy(), new EmbeddingCache(world.app.database().jdbi()))) {
      assertThat(picks(List.of(saver, clicker), vectors))
          .as("nothing liked yet")
          .allSatisfy(p -> assertThat(p).isEmpty());

      world.app.saved().save(sam, multimodal(1).get(0), MORNING);
      digests.click(link[0], link[1], link[2]);
      List<List<Item>> picks = picks(List.of(saver, clicker), vectors);

      assertThat(picks.get(0))
          .isNotEmpty()
          .allSatisfy(i -> assertThat(i.reason()).isEqualTo("similar to 1 paper you saved"));
      assertThat(picks.get(1))
          .isNotEmpty()
          .allSatisfy(
              i -> assertThat(i.reason()).isEqualTo("similar to 1 paper you opened from a digest"));
    }
  }

  private List<String> multimodal(int n) {
    return world
        .app
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT id FROM papers WHERE LOWER(title) LIKE '%multimodal%' ORDER BY id LIMIT "
                            + n)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void a_saved_paper_pulls_similar_new_papers_into_picked_for_you() {
    world.papers(DigestWorld.mllm(0, 40));
    world
        .app
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO accounts (email, created_at) VALUES ('sam@example.org', CURRENT_TIMESTAMP)"));
    long account =
        world
            .app
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM accounts WHERE email = 'sam@example.org'")
                        .mapTo(Long.class)
                        .one());
    Subscription s =
        digests.subscribe(
            SubscriptionForm.parse("sam@example.org", List.of(), false, "07:00", "UTC", 10), true);
    world.clock.advance(Duration.ofHours(1));
    world.papers(DigestWorld.mllm(40, 120));
    world.clock.set(MORNING);
    assertThat(picks(s)).as("nothing liked yet: no picks").isEmpty();

    String saved = multimodal(1).get(0);
    world.app.saved().save(account, saved, MORNING);
    List<Item> picks = picks(s);

    assertThat(picks).isNotEmpty();
    assertThat(picks)
        .allSatisfy(i -> assertThat(i.reason()).matches("similar to 1 paper you saved"));
    assertThat(picks).extracting(i -> i.paper().id()).doesNotContain(saved);
  }

  @Test
  void a_paper_opened_from_an_earlier_digest_pulls_similar_new_papers_into_picked_for_you()
      throws Exception {
    world.papers(DigestWorld.mllm(0, 40));
    // No account at all: clicks belong to the subscription.
    Subscription s =
        digests.subscribe(
            SubscriptionForm.parse(
                "cleo@example.org",
                List.of("multimodal large language models"),
                false,
                "07:00",
                "UTC",
                10),
            true);
    world.clock.set(MORNING.minus(Duration.ofDays(1)));
    digests.run(null, false);
    MimeMessage first = smtp.getReceivedMessages()[0];
    String text = (String) ((MimeMultipart) first.getContent()).getBodyPart(0).getContent();
    assertThat(text).doesNotContain("Picked for you");
    Matcher link = DigestDeliveryTest.CLICK.matcher(text);
    assertThat(link.find()).isTrue();
    String paper = URLDecoder.decode(link.group(2), StandardCharsets.UTF_8);
    // A forged link records nothing.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> digests.click(link.group(1), paper, "A".repeat(43)))
        .isInstanceOf(BadInputException.class);
    world.clock.advance(Duration.ofHours(1));
    world.papers(DigestWorld.mllm(40, 120));
    world.clock.set(MORNING);
    assertThat(picks(s)).as("nothing opened yet: no picks").isEmpty();

    assertThat(digests.click(link.group(1), paper, link.group(3))).isEqualTo(paper);
    digests.click(link.group(1), paper, link.group(3)); // a second click is the same signal
    List<Item> picks = picks(s);

    assertThat(picks).isNotEmpty();
    assertThat(picks)
        .allSatisfy(
            i -> assertThat(i.reason()).matches("similar to 1 paper you opened from a digest"));
  }

  @Test
  void the_reason_names_every_signal_behind_a_pick() {
    world.papers(DigestWorld.mllm(0, 40));
    world
        .app
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO accounts (email, created_at) VALUES ('uma@example.org', CURRENT_TIMESTAMP)"));
    long account =
        world
            .app
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM accounts WHERE email = 'uma@example.org'")
                        .mapTo(Long.class)
                        .one());
    List<String> liked = multimodal(2);
    world.app.votes().upvote(account, liked.get(0), MORNING.minus(Duration.ofDays(2)));
    world.app.saved().save(account, liked.get(0), MORNING.minus(Duration.ofDays(2)));
    world.app.saved().save(account, liked.get(1), MORNING.minus(Duration.ofDays(2)));
    Subscription s =
        digests.subscribe(
            SubscriptionForm.parse("uma@example.org", List.of(), false, "07:00", "UTC", 10), true);
    world.clock.advance(Duration.ofHours(1));
    world.papers(DigestWorld.mllm(40, 120));
    world.clock.set(MORNING);

    List<Item> picks = picks(s);

    assertThat(picks).isNotEmpty();
    // A paper upvoted and saved is one liked paper, not two.
    assertThat(picks)
        .allSatisfy(
            i ->
                assertThat(i.reason())
                    .matches("similar to [12] papers? you (upvoted or saved|saved)"));
    assertThat(picks).anySatisfy(i -> assertThat(i.reason()).contains("upvoted or saved"));
  }
}
