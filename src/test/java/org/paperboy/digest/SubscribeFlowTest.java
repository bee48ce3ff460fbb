package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.app.Config;
import org.paperboy.app.Paperboy;
import org.paperboy.ingest.formats.Format;
import org.paperboy.web.WebServer;

/**
 * The whole story over real HTTP and real SMTP: subscribe on the web page, confirm from the mail,
 * get a digest, unsubscribe with one click as a mail client does.
 */
class SubscribeFlowTest {
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final Pattern LINK = Pattern.compile("http://paperboy\\.test/\\S+");

  @TempDir Path dir;
  Paperboy app;
  WebServer server;
  WebClient browser;
  String base;

  @BeforeEach
  void open() {
    Map<String, String> env = new HashMap<>();
    env.put("PAPERBOY_SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort());
    // http: with an https base the app marks its cookies Secure, and this client speaks plain HTTP.
    env.put("PAPERBOY_BASE_URL", "http://paperboy.test");
    env.put("PAPERBOY_SECRET", "flow-secret");
    env.put("PAPERBOY_EMBEDDINGS", "off");
    app = Paperboy.open(Config.from(dir, env));
    server = app.webServer();
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    browser = new WebClient(base, true);
  }

  @AfterEach
  void close() {
    server.close();
    app.close();
  }

  Map<String, String> form(String email, String alerts) {
    Map<String, String> f =
        new HashMap<>(
            Map.of(
                "email",
                email,
                "alerts",
                alerts,
                "time",
                "07:00",
                "zone",
                "Europe/Berlin",
                "max",
                "10"));
    f.put("trending", "yes");
    return f;
  }

  static String link(MimeMessage m, String path) {
    Matcher x = LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "="));
    while (x.find()) if (x.group().contains(path)) return x.group();
    throw new AssertionError("no " + path + " link in " + GreenMailUtil.getBody(m));
  }

  LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  void ingestPapers() {
    StringBuilder s = new StringBuilder();
    for (String[] p : DigestWorld.mllm(0, 60))
      s.append(p[0]).append('\n').append(p[1]).append("\n\n");
    app.ingest()
        .ingest(
            new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8)),
            "listing.txt",
            Format.LISTING);
  }

  @Test
  void subscribe_confirm_receive_and_unsubscribe_with_one_click() throws Exception {
    assertThat(browser.get("/subscribe").body())
        .contains("<form", "name=\"alerts\"", "name=\"zone\"");
    var asked =
        browser.post(
            "/subscribe",
            form("Ada@Example.org", "multimodal large language models\nvision-language model"));
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body()).contains("confirmation link is on its way");
    ingestPapers();

    RunReport unconfirmed = app.digests().run(today(), false);
    assertThat(unconfirmed.due()).isZero(); // nothing before confirmation

    MimeMessage confirmation = smtp.getReceivedMessages()[0];
    assertThat(confirmation.getSubject()).isEqualTo("Confirm your paperboy digest");
    String confirm = link(confirmation, "/subscribe/confirm");
    assertThat(browser.get(confirm).body()).contains("Yes, send me the daily digest");
    var confirmed =
        browser.post(
            "/subscribe/confirm",
            Map.of("token", confirm.substring(confirm.indexOf("token=") + 6)));
    assertThat(confirmed.body()).contains("You are subscribed", "ada@example.org", "Europe/Berlin");

    RunReport run = app.digests().run(today(), false);
    assertThat(run.sent()).isEqualTo(1);
    MimeMessage digest = smtp.getReceivedMessages()[1];
    String text = (String) ((MimeMultipart) digest.getContent()).getBodyPart(0).getContent();
    assertThat(text).contains("matches your alert 'multimodal large language models'");

    // Manage page from the link in the digest: change the send time.
    String manage = link(digest, "/subscription?");
    assertThat(browser.get(manage).body())
        .contains("multimodal large language models", "Europe/Berlin");
    Map<String, String> change = form("ada@example.org", "multimodal large language models");
    change.put("time", "06:15");
    change.put("action", "save");
    change.put("token", manage.substring(manage.indexOf("token=") + 6));
    assertThat(browser.post("/subscription", change).body()).contains("Saved");
    assertThat(app.digests().find("ada@example.org").orElseThrow().sendTime()).hasToString("06:15");
    Map<String, String> broken = new java.util.HashMap<>(change);
    broken.put("alerts", "agents year:soon");
    var refused = browser.post("/subscription", broken);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("alert &#39;agents year:soon&#39;: &#39;year:soon&#39;");
    assertThat(app.digests().find("ada@example.org").orElseThrow().alerts())
        .containsExactly("multimodal large language models");

    // One-click unsubscribe: a POST from the mail client, no cookies, no CSRF token.
    String header = digest.getHeader("List-Unsubscribe")[0];
    String url = header.substring(1, header.length() - 1);
    var gone = new WebClient(base, false).oneClick(url);
    assertThat(gone.statusCode()).isEqualTo(200);
    assertThat(gone.body()).contains("Unsubscribed");
    assertThat(app.digests().find("ada@example.org")).isEmpty();
    assertThat(new WebClient(base, false).oneClick(url).statusCode())
        .isEqualTo(200); // twice is fine
  }

  @Test
  void the_unsubscribe_link_opened_in_a_browser_asks_before_it_acts() {
    Subscription s =
        app.digests()
            .subscribe(
                SubscriptionForm.parse(
                    "bo@example.org", java.util.List.of("multimodal"), true, null, null, null),
                true);
    ingestPapers();
    app.digests().run(today(), false);
    String url = link(smtp.getReceivedMessages()[0], "/unsubscribe?");

    var page = browser.get(url);
    boolean stillThere = app.digests().find("bo@example.org").isPresent();
    var done =
        browser.post(
            "/unsubscribe",
            Map.of("token", url.substring(url.indexOf("token=") + 6).replace("%3D", "=")));

    assertThat(page.body()).contains("id=\"unsubscribe\"");
    assertThat(stillThere).isTrue();
    assertThat(done.body()).contains("Unsubscribed");
    assertThat(app.digests().find("bo@example.org")).isEmpty();
    assertThat(s.status()).isEqualTo(Subscription.Status.ACTIVE);
  }

  @Test
  void bad_input_and_forged_links_get_a_clear_400() {
    browser.get("/subscribe");
    var bad = browser.post("/subscribe", form("not-an-address", ""));
    var tooMany =
        browser.post(
            "/subscribe",
            form(
                "ada@example.org",
                "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\np\nq\nr\ns\nt\nu"));
    var syntax = browser.post("/subscribe", form("ada@example.org", "agents\n\"open quote"));
    Map<String, String> seconds = form("ada@example.org", "agents");
    seconds.put("time", "23:59:59");
    var badTime = browser.post("/subscribe", seconds);
    var forged =
        new WebClient(base, false)
            .oneClick(base + "/unsubscribe?token=unsubscribe.1.99999999999.AAAA");
    var manage = browser.get("/subscription?token=manage.1.1.AAAA");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("&#39;not-an-address&#39; is not an email address");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("at most 20 alerts per subscription, got 21");
    assertThat(syntax.statusCode()).isEqualTo(400);
    assertThat(syntax.body())
        .contains("alert &#39;&quot;open quote&#39;: the quote at position 1 is never closed");
    assertThat(badTime.statusCode()).isEqualTo(400);
    assertThat(badTime.body())
        .contains("send time must be HH:MM (24-hour), was &#39;23:59:59&#39;");
    assertThat(app.digests().find("ada@example.org")).isEmpty();
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("this link is not valid");
    assertThat(manage.statusCode()).isEqualTo(400);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void subscribing_a_confirmed_address_again_changes_nothing_and_says_the_same() throws Exception {
    app.digests()
        .subscribe(
            SubscriptionForm.parse(
                "ada@example.org", java.util.List.of("mine"), true, "07:00", "UTC", 10),
            true);
    browser.get("/subscribe");

    var again = browser.post("/subscribe", form("ada@example.org", "someone else's idea"));
    for (int i = 0; i < 5; i++) browser.post("/subscribe", form("ada@example.org", "x"));

    assertThat(again.body()).contains("confirmation link is on its way");
    assertThat(app.digests().find("ada@example.org").orElseThrow().alerts())
        .containsExactly("mine");
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(SubscriptionDesk.CONFIRMATIONS_PER_HOUR); // rate limited per address
    assertThat(GreenMailUtil.getBody(got[0])).contains("subscribed already");
  }
}
