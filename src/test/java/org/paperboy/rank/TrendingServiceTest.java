package org.paperboy.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.BadInputException;
import org.paperboy.app.Config;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Signals;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;

/** Trending on a real H2 store with a fixed clock. */
class TrendingServiceTest {
  static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z"); // a Monday
  static final LocalDate FRIDAY = LocalDate.of(2026, 6, 12);

  @TempDir Path dir;
  Database db;
  PaperRepository papers;
  Votes votes;
  TrendingService trending;

  @BeforeEach
  void open() {
    db = Database.open(Database.h2Url(dir), null, null);
    papers = new PaperRepository(db.jdbi());
    votes = new Votes(db.jdbi());
    trending =
        new TrendingService(
            db.jdbi(), papers, votes, TrendingFormula.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  void paper(String id, LocalDate published, Integer hf, Integer stars) {
    Paper p =
        Paper.builder()
            .id(id)
            .title("Paper " + id)
            .abstractText("About " + id)
            .authors(List.of("A"))
            .published(published)
            .signals(new Signals(hf, stars, List.of()))
            .sources(List.of("test"))
            .build();
    papers.write(List.of(p), List.of(), List.of(), NOW);
  }

  long account(String email) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createUpdate("INSERT INTO accounts (email, created_at) VALUES (:e, :t)")
                    .bind("e", email)
                    .bind("t", NOW)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
  }

  List<String> ids(Window w) {
    return trending.trending(w, 50).items().stream().map(i -> i.paper().id()).toList();
  }

  @Test
  void the_formula_is_the_documented_one() {
    TrendingFormula f = TrendingFormula.DEFAULT;
    assertThat(f.external(100, null, 0, Window.WEEK)).isEqualTo(100.0);
    assertThat(f.external(null, 1023, 0, Window.WEEK))
        .isCloseTo(20.0, within(1e-9)); // 2 × log2(1024)
    assertThat(f.external(100, null, 3.5, Window.WEEK))
        .isCloseTo(50.0, within(1e-9)); // half-life 3.5 days
    assertThat(f.vote(0, Window.DAY)).isEqualTo(3.0);
    assertThat(f.vote(0.5, Window.DAY)).isCloseTo(1.5, within(1e-9));
    assertThat(f.external(null, null, 0, Window.DAY)).isZero();
  }

  @Test
  void the_window_ends_on_the_newest_feed_day_not_on_the_clock() {
    paper("2606.00001", FRIDAY, 10, null); // nothing on the weekend, the clock says Monday
    paper("2606.00002", FRIDAY.minusDays(3), 50, null);
    paper("2606.00003", FRIDAY.minusDays(20), 500, null);
    paper("2999.00001", LocalDate.of(2099, 1, 1), 9999, null); // a bad date from a feed

    assertThat(trending.trending(Window.DAY, 10).feedDay()).isEqualTo(FRIDAY);
    assertThat(ids(Window.DAY)).containsExactly("2606.00001");
    assertThat(ids(Window.WEEK)).containsExactly("2606.00002", "2606.00001");
    assertThat(ids(Window.MONTH)).containsExactly("2606.00003", "2606.00002", "2606.00001");
  }

  @Test
  void older_papers_weigh_less_and_ties_go_to_the_newer_id() {
    paper("2606.00010", FRIDAY, 10, null);
    paper("2606.00011", FRIDAY.minusDays(2), 10, null);
    paper("2606.00012", FRIDAY, 10, null);

    Trending t = trending.trending(Window.WEEK, 10);

    assertThat(t.items())
        .extracting(i -> i.paper().id())
        .containsExactly("2606.00012", "2606.00010", "2606.00011");
    assertThat(t.items().get(2).score()).isCloseTo(10 * Math.pow(2, -2 / 3.5), within(1e-9));
  }

  @Test
  void local_votes_count_even_for_undated_papers_and_decay_from_when_they_were_cast() {
    paper("2606.00020", FRIDAY, 2, null);
    paper("t-0123456789ab", null, null, null);
    long ada = account("ada@example.org");
    long bob = account("bob@example.org");
    votes.upvote(ada, "t-0123456789ab", NOW.minus(Duration.ofHours(1)));

    List<TrendingItem> day = trending.trending(Window.DAY, 10).items();

    assertThat(day).extracting(i -> i.paper().id()).containsExactly("t-0123456789ab", "2606.00020");
    assertThat(day.get(0).score()).isCloseTo(3 * Math.pow(2, -(1 / 24.0) / 0.5), within(1e-9));
    assertThat(day.get(0).votes()).isEqualTo(1);

    votes.upvote(bob, "2606.00020", NOW.minus(Duration.ofDays(2))); // outside the day window
    assertThat(trending.trending(Window.DAY, 10).items().get(1).score()).isEqualTo(2.0);
    assertThat(trending.trending(Window.WEEK, 10).items())
        .extracting(i -> i.paper().id())
        .containsExactly("2606.00020", "t-0123456789ab");
  }

  @Test
  void a_reader_votes_once_per_paper_and_can_take_it_back() {
    paper("2606.00030", FRIDAY, null, null);
    long ada = account("ada@example.org");
    votes.upvote(ada, "2606.00030", NOW);
    votes.upvote(ada, "2606.00030", NOW);
    assertThat(votes.count("2606.00030")).isEqualTo(1);
    assertThat(ids(Window.DAY)).containsExactly("2606.00030");

    votes.remove(ada, "2606.00030");

    assertThat(votes.count("2606.00030")).isZero();
    assertThat(ids(Window.DAY)).isEmpty();
  }

  @Test
  void external_scores_are_kept_until_the_store_changes_but_votes_count_at_once() {
    paper("2606.00050", FRIDAY, 5, null);
    assertThat(ids(Window.DAY)).containsExactly("2606.00050");
    paper("2606.00051", FRIDAY, 50, null);
    votes.upvote(account("ada@example.org"), "2606.00040", NOW);
    paper("2606.00040", null, null, null);

    assertThat(ids(Window.DAY)).containsExactly("2606.00050", "2606.00040");
    trending.invalidate(); // what the ingest listener does
    assertThat(ids(Window.DAY)).containsExactly("2606.00051", "2606.00050", "2606.00040");
  }

  @Test
  void papers_without_any_signal_do_not_trend() {
    paper("2606.00040", FRIDAY, null, null);
    paper("2606.00041", FRIDAY, 0, 0);
    assertThat(ids(Window.MONTH)).isEmpty();
  }

  @Test
  void the_constants_come_from_the_environment_and_junk_is_refused() {
    TrendingFormula f =
        Config.from(
                dir,
                Map.of(
                    "PAPERBOY_TRENDING_VOTE_WEIGHT",
                    "5",
                    "PAPERBOY_TRENDING_HALF_LIFE_SHARE",
                    "0.25"))
            .trending();
    assertThat(f).isEqualTo(new TrendingFormula(5, 1, 2, 0.25));
    assertThatThrownBy(() -> Config.from(dir, Map.of("PAPERBOY_TRENDING_HF_WEIGHT", "lots")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("PAPERBOY_TRENDING_HF_WEIGHT must be a number, was 'lots'");
    assertThatThrownBy(() -> Config.from(dir, Map.of("PAPERBOY_TRENDING_HALF_LIFE_SHARE", "0")))
        .isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> Window.parse("year"))
        .hasMessageContaining("expected day, week or month");
  }
}
