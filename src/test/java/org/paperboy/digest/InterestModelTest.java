package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.Paper;

/** Personal picks from upvotes: the centroid for a few likes, a linear model for more. */
class InterestModelTest {
  static PaperVectors.Sparse v(String title, String abstractText) {
    return PaperVectors.of(Paper.builder().title(title).abstractText(abstractText).build());
  }

  static final List<PaperVectors.Sparse> TOKENS =
      List.of(
          v(
              "Visual token pruning for multimodal large language models",
              "We prune redundant visual tokens to speed up MLLM inference."),
          v(
              "Token merging in vision transformers",
              "Merging similar image tokens reduces the cost of vision transformers."),
          v(
              "Efficient MLLMs by dropping image tokens",
              "Dropping visual tokens early keeps accuracy while cutting compute."),
          v(
              "Adaptive visual token reduction",
              "An adaptive budget of visual tokens per image for efficient inference."),
          v(
              "Fewer tokens, same answers",
              "Compressing visual tokens of multimodal models without losing accuracy."));
  static final List<PaperVectors.Sparse> OTHER =
      List.of(
          v(
              "Lattice QCD at finite density",
              "We simulate quarks and gluons on a lattice at finite baryon density."),
          v(
              "Dark matter halos in dwarf galaxies",
              "Rotation curves of dwarf galaxies constrain dark matter profiles."),
          v(
              "Graph colouring lower bounds",
              "New lower bounds on the chromatic number of sparse random graphs."),
          v(
              "Protein folding with diffusion",
              "A diffusion model generates protein backbones that fold."),
          v(
              "Speech recognition for low-resource languages",
              "Self-supervised speech models for languages with little data."));

  static final PaperVectors.Sparse NEW_TOKENS =
      v(
          "Token reduction for vision-language models",
          "Reducing visual tokens makes multimodal models faster.");
  static final PaperVectors.Sparse NEW_OTHER =
      v(
          "Neutron star mergers",
          "Gravitational waves from neutron star mergers and their kilonovae.");

  @Test
  void with_two_likes_the_centroid_ranks_the_similar_paper_first_and_says_how_many_it_resembles() {
    InterestModel m = InterestModel.train(TOKENS.subList(0, 2), List.of());

    assertThat(m.linear()).isFalse();
    assertThat(m.score(NEW_TOKENS)).isGreaterThan(m.score(NEW_OTHER));
    assertThat(m.similarTo(NEW_TOKENS)).isBetween(1, 2);
    assertThat(m.similarTo(NEW_OTHER)).isZero();
  }

  @Test
  void with_five_likes_a_linear_model_separates_them_from_the_rest() {
    InterestModel m = InterestModel.train(TOKENS, OTHER);

    assertThat(m.linear()).isTrue();
    assertThat(m.score(NEW_TOKENS)).isGreaterThan(0).isGreaterThan(m.score(NEW_OTHER));
    assertThat(m.score(NEW_OTHER)).isLessThan(0);
  }

  @Test
  void no_likes_no_picks() {
    assertThat(InterestModel.train(List.of(), OTHER).empty()).isTrue();
  }
}
