package org.paperboy.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MojibakeTest {
  @Test
  void repairs_utf8_names_that_were_read_as_latin1() {
    // As recorded in real arXiv API responses (fixtures/arxiv-api).
    assertThat(Normalizer.text("Dirk WÃ¼bben")).isEqualTo("Dirk Wübben");
    assertThat(Normalizer.text("JosÃ© RaÃºl Romero")).isEqualTo("José Raúl Romero");
    assertThat(Normalizer.text("Aurora RamÃ\u00adrez")).isEqualTo("Aurora Ramírez");
    assertThat(Normalizer.text("Katharina GÃ¶tz")).isEqualTo("Katharina Götz");
  }

  @Test
  void leaves_genuine_latin1_text_alone() {
    assertThat(Normalizer.text("Ã la carte")).isEqualTo("Ã la carte");
    assertThat(Normalizer.text("Wübben, Ramírez, Götz")).isEqualTo("Wübben, Ramírez, Götz");
    assertThat(Normalizer.text("price: 5Â")).isEqualTo("price: 5Â");
  }

  @Test
  void the_arxiv_api_fixture_names_come_out_clean() {
    assertThat(Mojibake.suspect("Dirk WÃ¼bben")).isTrue();
    assertThat(Mojibake.suspect("Dirk Wübben")).isFalse();
  }
}
