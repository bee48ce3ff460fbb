package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The trending reason names what ranked the paper, so the order of the section reads true. */
class ReasonsTest {
  @Test
  void a_paper_ranked_by_its_stars_says_so_rather_than_showing_fewer_upvotes() {
    // Ranked first on 2 upvotes and 5,000 stars, above a paper with 4 upvotes: main said only
    // "trending: 2 upvotes" above "trending: 4 upvotes".
    assertThat(Reasons.trending(0, 2, 5000))
        .isEqualTo("trending: 2 upvotes on Hugging Face, 5,000 GitHub stars");
    assertThat(Reasons.trending(0, 4, null)).isEqualTo("trending: 4 upvotes on Hugging Face");
  }

  @Test
  void local_votes_are_named_apart_from_hugging_face_upvotes() {
    assertThat(Reasons.trending(1, 3, 0))
        .isEqualTo("trending: 3 upvotes on Hugging Face, 1 vote here");
    assertThat(Reasons.trending(2, null, 1)).isEqualTo("trending: 1 GitHub star, 2 votes here");
    assertThat(Reasons.trending(0, null, null)).isEqualTo("trending");
  }
}
