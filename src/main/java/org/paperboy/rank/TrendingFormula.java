package org.paperboy.rank;

import org.paperboy.BadInputException;

/**
 * The trending score, with its constants. For a window of {@code W} days:
 *
 * <pre>
 *   h     = halfLifeShare × W                       (days; a signal halves in weight every h days)
 *   decay(age) = 2^(−age / h)
 *   score = decay(paperAge) × (hfWeight × hfUpvotes + starWeight × log2(1 + githubStars))
 *         + Σ over local votes of voteWeight × decay(voteAge)
 * </pre>
 *
 * {@code paperAge} is counted in whole days from the paper's publication to the newest feed day;
 * {@code voteAge} in fractional days from the vote to now. Only signals inside the window count:
 * papers published in its last W feed days, votes cast in its last W × 24 hours. Stars enter as a
 * logarithm because they span five orders of magnitude and would otherwise drown every vote; a
 * local vote outweighs a Hugging Face upvote because it comes from the people who run this
 * instance.
 *
 * <p>Every constant is configured: {@code trending.*} in docs/configuration.md.
 */
public record TrendingFormula(
    double voteWeight, double hfWeight, double starWeight, double halfLifeShare) {

  public static final TrendingFormula DEFAULT = new TrendingFormula(3.0, 1.0, 2.0, 0.5);

  public TrendingFormula {
    if (voteWeight < 0 || hfWeight < 0 || starWeight < 0) {
      throw new BadInputException("trending weights must not be negative");
    }
    if (!(halfLifeShare > 0)) {
      throw new BadInputException(
          "the trending half-life share must be above 0, was " + halfLifeShare);
    }
  }

  double decay(double ageDays, Window window) {
    return Math.pow(2, -Math.max(0, ageDays) / (halfLifeShare * window.days()));
  }

  /** The external part for a paper {@code ageDays} old; null counts as zero. */
  double external(Integer hfUpvotes, Integer githubStars, double ageDays, Window window) {
    double hf = hfUpvotes == null ? 0 : Math.max(0, hfUpvotes);
    double stars = githubStars == null ? 0 : Math.max(0, githubStars);
    double signal = hfWeight * hf + starWeight * Math.log1p(stars) / Math.log(2);
    return signal == 0 ? 0 : decay(ageDays, window) * signal;
  }

  /** One local vote cast {@code ageDays} ago. */
  double vote(double ageDays, Window window) {
    return voteWeight * decay(ageDays, window);
  }
}
