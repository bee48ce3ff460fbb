package org.paperboy.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.BadInputException;
import org.paperboy.app.Config;
import org.paperboy.store.Database;
import org.paperboy.store.StateRepository;

class LiveSourcesTest {
  @TempDir Path dir;

  /** Live sources' settings as the configuration reads them from {@code env}. */
  private LiveConfig live(Map<String, String> env) {
    return Config.from(dir, env).live();
  }

  private static Database db;
  private static StateRepository state;

  @BeforeAll
  static void openDatabase() {
    db =
        Database.open(
            "jdbc:h2:mem:live-sources;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            null,
            null);
    state = new StateRepository(db.jdbi());
  }

  @AfterAll
  static void closeDatabase() {
    db.close();
  }

  private static LiveSource parse(String spec) {
    return LiveSources.parse(spec, LiveConfig.defaults(), state);
  }

  @Test
  void tells_live_specs_from_file_paths() {
    assertThat(LiveSources.isLive("api:cat:cs.CL AND ti:llm")).isTrue();
    assertThat(LiveSources.isLive("oai:cs")).isTrue();
    assertThat(LiveSources.isLive("rss:cs.AI+cs.CL")).isTrue();
    assertThat(LiveSources.isLive("hf:2026-06-12")).isTrue();
    assertThat(LiveSources.isLive("data/listing/papers.txt")).isFalse();
    assertThat(LiveSources.isLive("feeds/api.xml")).isFalse();
    assertThat(LiveSources.isLive("/tmp/oai-cs.xml.gz")).isFalse();
    assertThat(LiveSources.isLive(null)).isFalse();
  }

  @Test
  void builds_each_kind_of_source_named_by_its_spec() {
    assertThat(parse("api:cat:cs.CL AND ti:llm"))
        .isInstanceOf(ArxivApiSource.class)
        .extracting(LiveSource::name)
        .isEqualTo("api:cat:cs.CL AND ti:llm");
    assertThat(parse("oai:physics:hep-th"))
        .isInstanceOf(OaiPmhSource.class)
        .extracting(LiveSource::name)
        .isEqualTo("oai:physics:hep-th");
    assertThat(parse("rss:cs.AI+cs.CL+hep-th"))
        .isInstanceOf(ArxivRssSource.class)
        .extracting(LiveSource::name)
        .isEqualTo("rss:cs.AI+cs.CL+hep-th");
    assertThat(parse("hf:2026-06-12"))
        .isInstanceOf(HfDailySource.class)
        .extracting(LiveSource::name)
        .isEqualTo("hf:2026-06-12");
  }

  @Test
  void rejects_an_unknown_kind_listing_the_accepted_forms() {
    assertThatThrownBy(() -> parse("ftp:cs"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("'ftp:cs' is not a live source; accepted forms: api:QUERY")
        .hasMessageContaining("oai:SET")
        .hasMessageContaining("rss:CAT[+CAT...]")
        .hasMessageContaining("hf:YYYY-MM-DD");
  }

  @Test
  void rejects_an_empty_spec_body() {
    assertThatThrownBy(() -> parse("api:  "))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(
            "bad live source 'api:  ': nothing follows 'api:'; accepted forms:");
  }

  @Test
  void rejects_a_bad_date_and_a_bad_category() {
    assertThatThrownBy(() -> parse("hf:12/06/2026"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(
            "bad live source 'hf:12/06/2026': '12/06/2026' is not a date in the form YYYY-MM-DD");
    assertThatThrownBy(() -> parse("rss:cs.AI++cs.CL"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("bad live source 'rss:cs.AI++cs.CL': '' is not an arXiv category");
    assertThatThrownBy(() -> parse("oai:cs cl"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("bad live source 'oai:cs cl': 'cs cl' is not an OAI-PMH set name");
  }

  @Test
  void config_defaults_point_at_the_real_services_politely() {
    LiveConfig c = LiveConfig.defaults();
    assertThat(c.arxivApiUrl()).hasToString("https://export.arxiv.org/api/query");
    assertThat(c.oaiUrl()).hasToString("https://oaipmh.arxiv.org/oai");
    assertThat(c.rssUrl()).hasToString("https://rss.arxiv.org/rss/");
    assertThat(c.hfUrl()).hasToString("https://huggingface.co/api/daily_papers");
    assertThat(c.arxivDelay()).hasSeconds(3);
    assertThat(c.maxRetries()).isEqualTo(4);
    assertThat(c.apiPageSize()).isEqualTo(100);
    assertThat(c.apiMaxResults()).isEqualTo(1000);
    assertThat(c.userAgent()).startsWith("paperboy/0.1 (+https://github.com/paperboy");
  }

  @Test
  void config_reads_urls_and_user_agent_from_the_environment() {
    LiveConfig c =
        live(
            Map.of(
                "PAPERBOY_ARXIV_API_URL", "http://mirror.local/api/query",
                "PAPERBOY_OAI_URL", "http://mirror.local/oai",
                "PAPERBOY_RSS_URL", "http://mirror.local/rss/",
                "PAPERBOY_HF_URL", "http://mirror.local/hf",
                "PAPERBOY_USER_AGENT", "lab-feed/2 (mailto:me@example.org)",
                "PAPERBOY_UNRELATED", "x"));
    assertThat(c.arxivApiUrl()).isEqualTo(URI.create("http://mirror.local/api/query"));
    assertThat(c.oaiUrl()).isEqualTo(URI.create("http://mirror.local/oai"));
    assertThat(c.rssUrl()).isEqualTo(URI.create("http://mirror.local/rss/"));
    assertThat(c.hfUrl()).isEqualTo(URI.create("http://mirror.local/hf"));
    assertThat(c.userAgent()).isEqualTo("lab-feed/2 (mailto:me@example.org)");
    assertThat(live(Map.of())).isEqualTo(LiveConfig.defaults());
  }

  @Test
  void config_rejects_a_url_that_is_not_http_naming_the_variable() {
    assertThatThrownBy(() -> live(Map.of("PAPERBOY_OAI_URL", "oaipmh.arxiv.org/oai")))
        .isInstanceOf(BadInputException.class)
        .hasMessage("PAPERBOY_OAI_URL must be an http(s) URL, was 'oaipmh.arxiv.org/oai'");
  }
}
