package org.paperboy.ingest.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TeX vocabulary {@link TexDecoder} understands; anything else is left as written. Only tables,
 * written as text blocks of whitespace-separated words (name and value alternating in the symbol
 * tables), so that the formatter keeps them dense and they need no loader.
 */
final class TexSymbols {
  private TexSymbols() {}

  /** Accents written with a symbol, {@code \'e}, mapped to Unicode combining marks. */
  static final Map<Character, Character> SYMBOL_ACCENTS =
      Map.of(
          '\'', '\u0301', '`', '\u0300', '^', '\u0302', '"', '\u0308', '~', '\u0303', '=', '\u0304',
          '.', '\u0307');

  /** Accents written with a one-letter command, {@code \c{c}}, {@code \v s}. */
  static final Map<String, Character> LETTER_ACCENTS =
      Map.of(
          "c", '\u0327', "v", '\u030C', "u", '\u0306', "H", '\u030B', "k", '\u0328', "r", '\u030A',
          "d", '\u0323', "b", '\u0331');

  /** Letters that are commands of their own in TeX. */
  static final Map<String, String> LETTERS =
      Map.ofEntries(
          Map.entry("ss", "ß"),
          Map.entry("o", "ø"),
          Map.entry("O", "Ø"),
          Map.entry("aa", "å"),
          Map.entry("AA", "Å"),
          Map.entry("ae", "æ"),
          Map.entry("AE", "Æ"),
          Map.entry("oe", "œ"),
          Map.entry("OE", "Œ"),
          Map.entry("l", "ł"),
          Map.entry("L", "Ł"),
          Map.entry("i", "ı"),
          Map.entry("j", "ȷ"),
          Map.entry("dh", "ð"),
          Map.entry("th", "þ"),
          Map.entry("ng", "ŋ"));

  /** Commands whose argument is kept and whose formatting is dropped: {@code \textbf{x}} is x. */
  static final Set<String> FORMAT_COMMANDS =
      Set.copyOf(
          words(
              """
          textbf textit emph texttt textsc textrm textsf textsl textup underline mbox text
          mathrm mathbf mathit mathsf mathtt mathcal mathscr mathfrak boldsymbol bm operatorname
          textnormal
          """));

  /** Font switches that act until the group ends: {@code {\em x}} is x. */
  static final Set<String> SWITCHES =
      Set.copyOf(
          words(
              """
          em bf it sl sc rm tt sf cal bfseries itshape normalfont
          """));

  /** Size commands before a delimiter: {@code \left(} is just (. */
  static final Set<String> DELIMITER_SIZES =
      Set.of(
          "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "middle");

  /** Binary operators and relations, which TeX surrounds with space whatever the source says. */
  static final Set<String> SPACED =
      Set.copyOf(
          words(
              """
          times cdot pm mp div leq le geq ge neq ne approx simeq cong equiv propto ll gg lesssim
          gtrsim prec succ preceq succeq in notin subset subseteq supset supseteq cup cap
          setminus wedge vee oplus otimes to rightarrow leftarrow leftrightarrow Rightarrow
          Leftarrow Leftrightarrow implies iff longrightarrow mapsto gets
          """));

  /** Blackboard bold letters for {@code \mathbb}. */
  static final Map<Character, String> BLACKBOARD =
      Map.of('R', "ℝ", 'N', "ℕ", 'Z', "ℤ", 'Q', "ℚ", 'C', "ℂ", 'P', "ℙ", 'E', "𝔼");

  /** Greek, operators, relations, arrows and a few text symbols. */
  static final Map<String, String> SYMBOLS = symbols();

  /** The words of a table written as a text block, in order. */
  private static List<String> words(String table) {
    return List.of(table.strip().split("\\s+"));
  }

  private static Map<String, String> symbols() {
    Map<String, String> m = new HashMap<>();
    String greek =
        """
        alpha α beta β gamma γ delta δ epsilon ε varepsilon ε zeta ζ eta η theta θ vartheta ϑ
        iota ι kappa κ lambda λ mu μ nu ν xi ξ omicron ο pi π varpi ϖ rho ρ varrho ϱ sigma σ
        varsigma ς tau τ upsilon υ phi φ varphi φ chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ
        Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω
        """;
    // \epsilon and \phi are the lunate/loopy forms in TeX, but readers search for ε and φ.
    String other =
        """
        times × cdot · pm ± mp ∓ div ÷ leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ approx ≈ sim ∼ simeq ≃
        cong ≅ equiv ≡ propto ∝ ll ≪ gg ≫ lesssim ≲ gtrsim ≳ prec ≺ succ ≻ preceq ⪯ succeq ⪰
        infty ∞ partial ∂ nabla ∇ sum ∑ prod ∏ int ∫ oint ∮ in ∈ notin ∉ ni ∋ subset ⊂
        subseteq ⊆ supset ⊃ supseteq ⊇ cup ∪ cap ∩ setminus ∖ emptyset ∅ varnothing ∅ forall ∀
        exists ∃ neg ¬ lnot ¬ wedge ∧ land ∧ vee ∨ lor ∨ oplus ⊕ otimes ⊗ odot ⊙ to →
        rightarrow → leftarrow ← gets ← leftrightarrow ↔ Rightarrow ⇒ Leftarrow ⇐
        Leftrightarrow ⇔ implies ⟹ iff ⟺ longrightarrow ⟶ mapsto ↦ uparrow ↑ downarrow ↓ ell ℓ
        hbar ℏ aleph ℵ Re ℜ Im ℑ wp ℘ prime ′ circ ∘ ast ∗ star ⋆ dagger † ddagger ‡ bullet •
        perp ⊥ top ⊤ bot ⊥ angle ∠ triangle △ Box □ langle ⟨ rangle ⟩ lfloor ⌊ rfloor ⌋ lceil ⌈
        rceil ⌉ vert | lvert | rvert | mid | Vert ‖ parallel ∥ vdash ⊢ models ⊨ checkmark ✓
        ldots … dots … cdots ⋯ vdots ⋮ ddots ⋱ colon : sharp ♯ flat ♭ degree ° textdegree °
        textendash – textemdash — textellipsis … LaTeX LaTeX TeX TeX textasciitilde ~
        textunderscore _ textsection § copyright © pounds £ euro €
        """;
    // Function names print as their name in roman type.
    String[] functions = {
      "log", "ln", "exp", "sin", "cos", "tan", "sinh", "cosh", "tanh", "max", "min", "arg",
      "argmax", "argmin", "lim", "sup", "inf", "det", "dim", "ker", "deg", "gcd", "Pr", "mod"
    };
    for (String pairs : new String[] {greek, other}) {
      List<String> w = words(pairs);
      for (int i = 0; i < w.size(); i += 2) {
        m.put(w.get(i), w.get(i + 1));
      }
    }
    // Spaces cannot stand in a whitespace-separated table.
    m.put("textbackslash", "\\");
    m.put("quad", " ");
    m.put("qquad", " ");
    for (String f : functions) {
      m.put(f, f);
    }
    return Map.copyOf(m);
  }
}
