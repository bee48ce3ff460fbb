package org.paperboy.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class QueryUrlTest {

  @Test
  void form_encodes_an_arxiv_search_so_spaces_and_colons_survive() {
    URI uri =
        QueryUrl.on(URI.create("https://export.arxiv.org/api/query"))
            .with("search_query", "cat:cs.CL AND ti:\"large language\"")
            .with("start", 100)
            .toUri();

    assertThat(uri)
        .hasToString(
            "https://export.arxiv.org/api/query"
                + "?search_query=cat%3Acs.CL+AND+ti%3A%22large+language%22&start=100");
  }

  @Test
  void keeps_the_query_of_a_configured_base_and_leaves_out_null_values() {
    URI uri =
        QueryUrl.on(URI.create("http://mirror.local/oai?key=k1"))
            .with("verb", "ListRecords")
            .with("from", null)
            .toUri();

    assertThat(uri).hasToString("http://mirror.local/oai?key=k1&verb=ListRecords");
  }
}
