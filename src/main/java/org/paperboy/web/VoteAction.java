package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import org.paperboy.BadInputException;
import org.paperboy.NotFoundException;
import org.paperboy.rank.Votes;
import org.paperboy.store.PaperRepository;

/**
 * The upvote button's form post ({@code POST /vote}): CSRF-checked like every form, no script. A
 * vote moves the count kept pages are built at (see {@link Changes}), so it shows at once.
 */
final class VoteAction {
  private final PaperRepository papers;
  private final Votes votes;
  private final Clock clock;

  VoteAction(PaperRepository papers, Votes votes, Clock clock) {
    this.papers = papers;
    this.votes = votes;
    this.clock = clock;
  }

  void vote(Context ctx) {
    Visitor v = Visitor.of(ctx);
    if (!v.signedIn()) throw new ForbiddenException("sign in to upvote");
    String paper = PaperPage.formPaper(ctx);
    if (papers.find(paper).isEmpty())
      throw new NotFoundException("no paper with id '" + paper + "' in the store");
    String action = ctx.formParam("action");
    if ("remove".equals(action)) {
      votes.remove(v.account().id(), paper);
    } else if (action == null || "up".equals(action)) {
      votes.upvote(v.account().id(), paper, clock.instant());
    } else {
      throw new BadInputException(
          "action must be 'up' or 'remove', was '" + Html.abbreviate(action, 20) + "'");
    }
    ctx.redirect(AccountPages.next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }
}
