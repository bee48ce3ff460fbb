package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
    List<PaperVectors.Sparse> liked = TOKENS.subList(0, 2);
    InterestModel m = InterestModel.train(liked, List.of());

    assertThat(m.score(NEW_TOKENS))
        .as("the centroid's score")
        .isCloseTo(centroidScore(liked, NEW_TOKENS), within(1e-4));
    assertThat(m.score(NEW_TOKENS)).isGreaterThan(m.score(NEW_OTHER));
    assertThat(similarTo(liked, NEW_TOKENS)).isBetween(1, 2);
    assertThat(similarTo(liked, NEW_OTHER)).isZero();
  }

  @Test
  void with_five_likes_a_linear_model_separates_them_from_the_rest() {
    InterestModel m = InterestModel.train(TOKENS, OTHER);

    assertThat(m.score(NEW_TOKENS))
        .as("not the centroid's score")
        .isNotCloseTo(centroidScore(TOKENS, NEW_TOKENS), within(1e-4));
    assertThat(m.score(NEW_TOKENS)).isGreaterThan(0).isGreaterThan(m.score(NEW_OTHER));
    assertThat(m.score(NEW_OTHER)).isLessThan(0);
  }

  /** The centroid's score: the mean of the cosines to the liked papers. */
  private static double centroidScore(List<PaperVectors.Sparse> liked, PaperVectors.Sparse v) {
    return liked.stream().mapToDouble(l -> l.dot(v)).sum() / liked.size();
  }

  /**
   * How many liked papers {@code v} is similar to, as {@link WordPicks} counts them for the reason
   * line (0: not a pick). No likes, no picks: {@code PickSignalsTest} checks that through a run.
   */
  private static int similarTo(List<PaperVectors.Sparse> liked, PaperVectors.Sparse v) {
    int n = 0;
    for (PaperVectors.Sparse l : liked) if (l.dot(v) >= InterestModel.SIMILAR) n++;
    return n;
  }
}
