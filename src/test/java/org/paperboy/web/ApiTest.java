package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperboy.cli.Main;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JSON API against its OpenAPI document, the error shape, the Atom feeds and the CLI. */
class ApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ATOM = "http://www.w3.org/2005/Atom";

  @RegisterExtension static final Site site = Site.withSample();
  static final Site.Client client = site.client();

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
    return JSON.readTree(r.body());
  }

  @Test
  void every_route_in_the_openapi_document_answers_with_its_documented_fields() throws Exception {
    JsonNode doc = json(client.get("/api/openapi.json"));
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    List<String> called = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : doc.path("paths").properties()) {
      JsonNode get = e.getValue().path("get");
      String path = e.getKey();
      StringBuilder query = new StringBuilder();
      for (JsonNode p : get.path("parameters")) {
        if (!p.has("example")) continue;
        String v = p.get("example").asText();
        if (p.path("in").asText().equals("path"))
          path = path.replace("{" + p.get("name").asText() + "}", v);
        else
          query
              .append(query.isEmpty() ? "?" : "&")
              .append(p.get("name").asText())
              .append('=')
              .append(Site.enc(v));
      }
      HttpResponse<String> r = client.get(path + query);
      assertThat(r.statusCode()).as(path + query).isEqualTo(200);
      JsonNode body = json(r);
      JsonNode schema =
          resolve(
              doc,
              get.path("responses")
                  .path("200")
                  .path("content")
                  .path("application/json")
                  .path("schema"));
      for (JsonNode required : schema.path("required")) {
        assertThat(body.has(required.asText())).as(path + " has " + required.asText()).isTrue();
      }
      called.add(e.getKey());
    }
    assertThat(called)
        .contains(
            "/api/papers/{id}",
            "/api/papers/{id}/related",
            "/api/daily",
            "/api/trending",
            "/api/search");
  }

  private static JsonNode resolve(JsonNode doc, JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    return ref.isEmpty() ? schema : doc.at(ref.substring(1));
  }

  @Test
  void errors_have_one_shape_and_the_right_status() throws Exception {
    Map<String, Integer> cases =
        Map.of(
            "/api/papers/2999.99999", 404,
            "/api/papers/2999.99999/related", 404,
            "/api/daily?date=yesterday", 400,
            "/api/daily?page=-1", 400,
            "/api/trending?window=decade", 400,
            "/api/trending?limit=100000", 400,
            "/api/search", 400,
            "/api/search?q=%22unclosed", 400,
            "/api/search?q=x&mode=psychic", 400,
            "/api/nothing-here", 404);
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = client.get(c.getKey());
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(c.getValue());
      JsonNode error = json(r).path("error");
      assertThat(error.path("code").asText())
          .as(c.getKey())
          .isEqualTo(c.getValue() == 404 ? "not_found" : "bad_request");
      assertThat(error.path("message").asText()).as(c.getKey()).isNotBlank();
    }
  }

  @Test
  void a_paper_has_the_cli_shape_plus_votes_and_old_ids_keep_their_slash() throws Exception {
    JsonNode p = json(client.get("/api/papers/astro-ph/0601001"));
    assertThat(p.path("id").asText()).isEqualTo("astro-ph/0601001");
    assertThat(p.has("abstract")).isTrue();
    assertThat(p.path("votes").asInt()).isZero();
    JsonNode related = json(client.get("/api/papers/astro-ph/0601001/related?limit=3"));
    assertThat(related.path("related").size()).isBetween(1, 3);
  }

  @Test
  void search_pages_do_not_overlap_and_report_ambiguous_acronyms() throws Exception {
    JsonNode one = json(client.get("/api/search?q=MLLM"));
    JsonNode two = json(client.get("/api/search?q=MLLM&page=2"));
    assertThat(one.path("hits").size()).isEqualTo(20);
    assertThat(one.path("more").asBoolean()).isTrue();
    assertThat(one.path("hits").get(0).path("id").asText())
        .isNotEqualTo(two.path("hits").get(0).path("id").asText());
    assertThat(one.path("ambiguous").get(0).path("acronym").asText()).isEqualTo("MLLM");
  }

  @Test
  void the_cli_and_the_api_agree_on_trending() throws Exception {
    JsonNode api = json(client.get("/api/trending?window=week&limit=20"));
    List<String> apiIds = new ArrayList<>();
    api.path("items").forEach(i -> apiIds.add(i.path("id").asText()));

    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "--data",
              site.dir().toString(),
              "trending",
              "--window",
              "week",
              "--limit",
              "20",
              "--json"
            },
            Map.of("PAPERBOY_EMBEDDINGS", "off"),
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));

    assertThat(code).isZero();
    List<String> cliIds = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      JsonNode n = JSON.readTree(line);
      assertThat(n.has("title")).isTrue();
      assertThat(n.has("score")).isTrue();
      cliIds.add(n.path("id").asText());
    }
    assertThat(apiIds).hasSizeGreaterThan(5).isEqualTo(cliIds);
  }

  @Test
  void the_search_and_trending_feeds_are_valid_atom() throws Exception {
    for (String path :
        List.of(
            "/feed.atom?q=multimodal+large+language+models",
            "/trending.atom?window=month",
            "/feed.atom")) {
      HttpResponse<String> r = client.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type").orElse(""))
          .startsWith("application/atom+xml");
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      Document d =
          f.newDocumentBuilder()
              .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
      Element feed = d.getDocumentElement();
      assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
      assertThat(feed.getLocalName()).isEqualTo("feed");
      for (String required : List.of("id", "title", "updated")) {
        assertThat(feed.getElementsByTagNameNS(ATOM, required).getLength())
            .as(path + " " + required)
            .isPositive();
      }
      NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
      assertThat(entries.getLength()).as(path).isPositive();
      for (int i = 0; i < entries.getLength(); i++) {
        Element e = (Element) entries.item(i);
        assertThat(text(e, "id")).startsWith("http://localhost:" + site.port() + "/papers/");
        assertThat(text(e, "title")).isNotBlank();
        OffsetDateTime.parse(text(e, "updated")); // RFC 3339
        // an entry needs an author unless the feed has one; ours has one at feed level, entries too
        assertThat(e.getElementsByTagNameNS(ATOM, "link").getLength()).isPositive();
      }
    }
  }

  private static String text(Element e, String name) {
    return e.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
  }
}
