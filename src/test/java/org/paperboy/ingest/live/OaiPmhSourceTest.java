package org.paperboy.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperboy.BadInputException;
import org.paperboy.PaperboyException;
import org.paperboy.ingest.live.ReplayServer.Reply;
import org.paperboy.ingest.live.ReplayServer.Request;
import org.paperboy.store.Database;
import org.paperboy.store.StateRepository;

/** The OAI-PMH harvester against the real arXiv ListRecords page for set cs, split in two. */
class OaiPmhSourceTest {
  private static final String CS = "oai-pmh/sample_arxiv_response_listrecords_cs.xml";

  private final FakeTime time = new FakeTime();
  private Database db;
  private StateRepository state;
  private ReplayServer server;
  private LiveConfig config;

  @BeforeEach
  void openDatabase() {
    db =
        Database.open(
            "jdbc:h2:mem:oai-"
                + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            null,
            null);
    state = new StateRepository(db.jdbi());
  }

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
    db.close();
  }

  private void serve(Function<Request, Reply> script) throws IOException {
    server = ReplayServer.start(time, script);
    config =
        LiveConfigs.from(
                LiveConfigs.local(
                    server.uri("/api"), server.uri("/oai"), server.uri("/rss/"), server.uri("/hf")))
            .retries(1, Duration.ofSeconds(1), Duration.ofSeconds(60))
            .build();
  }

  private LiveSource source(String spec) {
    return LiveSources.parse(spec, config, state, time.http(config));
  }

  /**
   * The first request gets page 1 with token tok-1, a resumption gets page 2 with an empty token.
   */
  private static Reply twoPages(Request r) {
    String[] pages = splitInTwo(Fixtures.text(CS));
    return Reply.ok(
        pages[r.param("resumptionToken") == null ? 0 : 1].getBytes(StandardCharsets.UTF_8));
  }

  /** The 46 records of the real page as two pages of 23, joined by a resumptionToken. */
  static String[] splitInTwo(String page) {
    int firstRecord = page.indexOf("<record>");
    int end = page.indexOf("</ListRecords>");
    String head = page.substring(0, firstRecord);
    String tail = page.substring(end);
    List<String> records = List.of(page.substring(firstRecord, end).split("(?=<record>)"));
    assertThat(records).hasSize(46);
    String first = String.join("", records.subList(0, 23));
    String second = String.join("", records.subList(23, 46));
    return new String[] {
      head
          + first
          + "<resumptionToken cursor=\"0\" completeListSize=\"46\">tok-1</resumptionToken>\n"
          + tail,
      head + second + "<resumptionToken cursor=\"23\" completeListSize=\"46\"/>\n" + tail
    };
  }

  @Test
  void harvests_every_page_following_the_resumption_token() throws IOException {
    serve(OaiPmhSourceTest::twoPages);
    RecordingSink sink = new RecordingSink();

    source("oai:cs").fetch(sink);

    List<Request> requests = server.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).params())
        .containsExactly(
            Map.entry("verb", "ListRecords"),
            Map.entry("metadataPrefix", "arXiv"),
            Map.entry("set", "cs"));
    // resumptionToken is exclusive: OAI-PMH forbids sending set or metadataPrefix with it
    assertThat(requests.get(1).params())
        .containsExactly(Map.entry("verb", "ListRecords"), Map.entry("resumptionToken", "tok-1"));
    assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(sink.papers).hasSize(46);
    assertThat(sink.ids()).doesNotHaveDuplicates();
  }

  @Test
  void the_next_harvest_asks_from_the_last_datestamp_once_completed() throws IOException {
    serve(OaiPmhSourceTest::twoPages);
    LiveSource first = source("oai:cs");
    first.fetch(new RecordingSink());
    assertThat(state.get("oai:cs")).as("nothing is saved before the records are stored").isEmpty();

    first.completed();
    assertThat(state.get("oai:cs")).contains("2015-01-16");
    source("oai:cs").fetch(new RecordingSink());

    assertThat(server.requests()).hasSize(4);
    assertThat(server.requests().get(2).param("from")).isEqualTo("2015-01-16");
    assertThat(server.requests().get(2).param("set")).isEqualTo("cs");
  }

  @Test
  void an_interrupted_harvest_starts_again_from_the_old_mark() throws IOException {
    state.put("oai:cs", "2015-01-10");
    serve(
        r -> {
          if (r.param("resumptionToken") != null) {
            return Reply.status(500, "database gone");
          }
          return twoPages(r);
        });
    LiveSource source = source("oai:cs");

    assertThatThrownBy(() -> source.fetch(new RecordingSink()))
        .isInstanceOf(PaperboyException.class)
        .hasMessageContaining("gave up on")
        .hasMessageContaining("HTTP 500");
    source.completed(); // a careless caller must not move the mark either

    assertThat(state.get("oai:cs")).contains("2015-01-10");
    assertThat(server.requests().get(0).param("from")).isEqualTo("2015-01-10");
  }

  @Test
  void waits_out_a_recorded_503_retry_after_in_the_middle_of_a_harvest() throws IOException {
    Deque<Reply> recorded =
        new ArrayDeque<>(
            Fixtures.oaiRecording("oaipmh-listrecords---should-list-identifiers-from-arxiv.json"));
    serve(r -> recorded.poll());
    LiveSource source = source("oai:cs");
    RecordingSink sink = new RecordingSink();

    source.fetch(sink);
    source.completed();

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10));
    assertThat(sink.papers).hasSize(2);
    assertThat(state.get("oai:cs")).contains("2015-01-03");
  }

  @Test
  void a_page_cut_short_is_fetched_again_rather_than_taken_for_the_last_one() throws IOException {
    String[] pages = splitInTwo(Fixtures.text(CS));
    AtomicBoolean cut = new AtomicBoolean(true);
    serve(
        r -> {
          if (r.param("resumptionToken") == null) {
            return Reply.ok(pages[0].getBytes(StandardCharsets.UTF_8));
          }
          String second = pages[1];
          // the first answer for page 2 stops mid-record, before its resumptionToken
          return Reply.ok(
              (cut.getAndSet(false) ? second.substring(0, second.length() / 2) : second)
                  .getBytes(StandardCharsets.UTF_8));
        });
    RecordingSink sink = new RecordingSink();

    source("oai:cs").fetch(sink);

    assertThat(server.requests()).hasSize(3);
    assertThat(sink.papers).hasSize(46);
    assertThat(sink.rejects).isEmpty();
  }

  @Test
  void a_bare_error_body_fails_the_harvest_quoting_it() throws IOException {
    List<Reply> recorded =
        Fixtures.oaiRecording("oaipmh-errors-should-reject-malformed-xml-arxiv.json");
    serve(r -> recorded.get(0));
    LiveSource source = source("oai:cs");

    assertThatThrownBy(() -> source.fetch(new RecordingSink()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("idDoesNotExist");
    source.completed();
    assertThat(state.get("oai:cs")).isEmpty();
  }

  @Test
  void stops_when_the_server_repeats_a_token() throws IOException {
    serve(r -> Reply.ok(splitInTwo(Fixtures.text(CS))[0].getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> source("oai:cs").fetch(new RecordingSink()))
        .isInstanceOf(PaperboyException.class)
        .hasMessageContaining("repeated the resumptionToken 'tok-1' while harvesting set cs");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void no_new_records_keeps_the_mark_and_is_not_an_error() throws IOException {
    state.put("oai:cs", "2015-01-16");
    serve(r -> Reply.ok(oaiError("noRecordsMatch", "No records match the request")));
    LiveSource source = source("oai:cs");
    RecordingSink sink = new RecordingSink();

    source.fetch(sink);
    source.completed();

    assertThat(sink.papers).isEmpty();
    assertThat(state.get("oai:cs")).contains("2015-01-16");
  }

  @Test
  void an_oai_error_is_bad_input_quoting_the_server() throws IOException {
    serve(r -> Reply.ok(oaiError("badArgument", "Unknown set 'nonsense'")));

    assertThatThrownBy(() -> source("oai:nonsense").fetch(new RecordingSink()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("Unknown set 'nonsense'");
  }

  @Test
  void reads_the_newest_datestamp_of_a_page_with_or_without_a_prefix() {
    assertThat(OaiPmhSource.newestDatestamp(Fixtures.bytes(CS))).isEqualTo("2015-01-16");
    String mixed =
        "<oai:datestamp>2015-01-03</oai:datestamp><datestamp> 2016-02-01 </datestamp>"
            + "<datestamp>2015-12-31</datestamp>";
    assertThat(OaiPmhSource.newestDatestamp(mixed.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("2016-02-01");
    assertThat(OaiPmhSource.newestDatestamp(new byte[0])).isNull();
  }

  /** An error response in the shape arXiv's OAI-PMH endpoint sends. */
  private static byte[] oaiError(String code, String message) {
    return ("""
    <?xml version="1.0" encoding="UTF-8"?>
    <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
    <responseDate>2026-06-12T08:00:00Z</responseDate>
    <request verb="ListRecords">http://export.arxiv.org/oai2</request>
    <error code="%s">%s</error>
    </OAI-PMH>
    """
            .formatted(code, message))
        .getBytes(StandardCharsets.UTF_8);
  }
}
