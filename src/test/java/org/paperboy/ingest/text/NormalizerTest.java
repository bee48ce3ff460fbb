package org.paperboy.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paperboy.paper.Paper;

class NormalizerTest {

  @Test
  void collapses_whitespace_and_line_breaks() {
    assertThat(Normalizer.text("  Calculation of prompt diphoton\n  production \t at LHC \r\n"))
        .isEqualTo("Calculation of prompt diphoton production at LHC");
    assertThat(Normalizer.text("no\u00A0break")).isEqualTo("no break");
    assertThat(Normalizer.text(" \n ")).isEmpty();
    assertThat(Normalizer.text(null)).isNull();
  }

  @Test
  void spaces_collapses_whitespace_only() {
    assertThat(Normalizer.spaces(" Ada \n  Lovelace\u00A0")).isEqualTo("Ada Lovelace");
    assertThat(Normalizer.spaces("a\u0000b")).isEqualTo("ab");
    assertThat(Normalizer.spaces("\u00A0 \t")).isEmpty();
    assertThat(Normalizer.spaces("$\\gamma$ -- x")).isEqualTo("$\\gamma$ -- x"); // no TeX decoding
    String clean = "hep-th";
    assertThat(Normalizer.spaces(clean)).isSameAs(clean);
  }

  @Test
  void returns_clean_text_itself_without_copying() {
    String clean = "Attention Is All You Need: pre-training at scale (v2)";
    assertThat(Normalizer.text(clean)).isSameAs(clean);
    assertThat(Normalizer.stripHtml(clean)).isSameAs(clean);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        "\\'Eric | Éric",
        "C. Bal\\'azs | C. Balázs",
        "Schr\\\"odinger | Schrödinger",
        "Schr{\\\"o}dinger | Schrödinger",
        "G\\\"{o}del | Gödel",
        "H\\'{e}non | Hénon",
        "Pe\\~na | Peña",
        "Fran\\c{c}ois | François",
        "Fran\\c cois | François",
        "\\v{S}ediv\\'y | Šedivý",
        "H\\^opital | Hôpital",
        "Cr\\`eme | Crème",
        "Erd\\H{o}s | Erdős",
        "Stra\\ss e | Straße",
        "S\\o ren | Søren",
        "J{\\o}rgensen | Jørgensen",
        "\\AA ngstr\\\"om | Ångström",
        "\\aa | å",
        "\\L{}ukasz Pa\\l ka | Łukasz Pałka",
        "na\\\"{\\i}ve | naïve",
        "A. Petojevi\\' c | A. Petojević",
      })
  void decodes_tex_accents_and_special_letters(String tex, String expected) {
    assertThat(Normalizer.text(tex)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        "$\\gamma$-ray bursts | γ-ray bursts",
        "$\\alpha$ and $\\Omega$ | α and Ω",
        "$3\\times 4$ grid | 3 × 4 grid",
        "$x \\leq y$ | x ≤ y",
        "$\\sim$10\\% faster | ∼10% faster",
        "$O(n^{2})$ time | O(n²) time",
        "$10^{-3}$ | 10⁻³",
        "CeAg$_2$Ge$_2$ | CeAg₂Ge₂",
        "$(k,\\ell)$-pebble | (k,ℓ)-pebble",
        "$SL_2(\\mathbb{Z})$ | SL₂(ℤ)",
        "$\\mathcal{O}(n\\log n)$ | O(n log n)",
        "$$x^2$$ | x²",
        "$y^\\prime$ | y′",
        "$\\left( x \\right)$ | ( x )",
      })
  void decodes_simple_math(String tex, String expected) {
    assertThat(Normalizer.text(tex)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        "From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$",
        "over $\\Q(\\sqrt{5})$ via",
        "$\\frac{a}{b}$",
        "spaces $H^{p,q}(R^n)$, with",
        "defined in \\cite{hajac} as",
        "costs $5 and $10 today",
        "from $5-$10",
        "D0 --> K- e+ nue",
        "json {key: value}",
        "snake_case and x^2 in prose",
      })
  void keeps_unknown_tex_and_plain_text_as_written(String text) {
    assertThat(Normalizer.text(text)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        "pages 1--10 | pages 1–10",
        "A -- B | A – B",
        "yes---no | yes—no",
        "R\\&D | R&D",
        "50\\% off | 50% off",
        "\\textbf{adaptability}, and | adaptability, and",
        "{\\em very} good | very good",
        "{GPU}s | GPUs",
        "The \\LaTeX{} system | The LaTeX system",
        "line\\\\break | line break",
        "price \\$5 | price $5",
      })
  void decodes_dashes_escapes_and_formatting(String tex, String expected) {
    assertThat(Normalizer.text(tex)).isEqualTo(expected);
  }

  @Test
  void never_breaks_on_broken_tex() {
    for (String broken :
        List.of(
            "\\",
            "$",
            "{",
            "}",
            "\\'",
            "$x",
            "x$",
            "\\c",
            "\\textbf{",
            "$\\sqrt{$",
            "^{",
            "$^{$",
            "$$")) {
      assertThatCode(() -> Normalizer.text(broken)).as(broken).doesNotThrowAnyException();
      assertThat(Normalizer.text(broken)).as(broken).isEqualTo(broken);
    }
  }

  /**
   * Linear on input that would make a naive decoder quadratic: matching each of two million
   * unclosed braces anew is 10^12 steps (hours), where one pass takes milliseconds. The timeout is
   * a safety net far above the linear time, so a loaded build machine cannot make it fail; nesting
   * deeper than the recursion bound must not overflow the stack.
   */
  @Test
  void stays_linear_on_hostile_input() {
    String braces = "{".repeat(2_000_000);
    String dollars = "$a ".repeat(100_000);
    String nested = "{".repeat(5_000) + "x" + "}".repeat(5_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          assertThat(Normalizer.text(braces)).hasSize(2_000_000);
          assertThat(Normalizer.text(dollars)).startsWith("$a $a");
          assertThat(Normalizer.text(nested)).contains("x");
        });
  }

  @Test
  void strips_html_tags_and_decodes_entities() {
    assertThat(
            Normalizer.stripHtml(
                "<p>Tom &amp; Jerry&#39;s <b>bold</b> &lt;claim&gt;</p><p>Next</p>"))
        .isEqualTo(" Tom & Jerry's bold <claim>  Next ");
    assertThat(Normalizer.stripHtml("caf&#xE9; &ndash; &quot;q&quot; &unknown; R&D"))
        .isEqualTo("café – \"q\" &unknown; R&D");
    assertThat(Normalizer.stripHtml("<!-- note -->a<br/>b")).isEqualTo("a b");
  }

  @Test
  void keeps_less_than_signs_that_are_not_tags() {
    assertThat(Normalizer.stripHtml("when x<y and z>w, or a < b"))
        .isEqualTo("when x<y and z>w, or a < b");
    assertThat(Normalizer.stripHtml("<notatag> stays")).isEqualTo("<notatag> stays");
  }

  @Test
  void drops_soft_hyphens_and_keeps_regex_like_backslashes() {
    assertThat(Normalizer.text("hy\\-phen\\-ation")).isEqualTo("hyphenation");
    assertThat(Normalizer.text("match \\d+ and \\S+ then \\r\\n"))
        .isEqualTo("match \\d+ and \\S+ then \\r\\n");
  }

  @Test
  void normalizes_every_text_field_of_a_builder() {
    Paper.Builder b =
        Paper.builder()
            .title("  Schr\\\"odinger\n  equations ")
            .abstractText("We study $\\alpha$--decay.\n")
            .authors(List.of("C. Bal\\'azs", "  ", "E. L.\n Berger"))
            .comments("37 pages,\n  15 figures")
            .journalRef("Phys.Rev.D76:013009,2007 ")
            .addSource("kaggle");

    Normalizer.normalize(b);
    Paper p = b.build();

    assertThat(p.title()).isEqualTo("Schrödinger equations");
    assertThat(p.abstractText()).isEqualTo("We study α–decay.");
    assertThat(p.authors()).containsExactly("C. Balázs", "E. L. Berger");
    assertThat(p.comments()).isEqualTo("37 pages, 15 figures");
    assertThat(p.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
  }
}
