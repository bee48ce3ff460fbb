package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paperboy.BadInputException;
import org.paperboy.NotFoundException;
import org.paperboy.account.SavedPapers;
import org.paperboy.paper.Paper;
import org.paperboy.rank.Votes;
import org.paperboy.store.PaperRepository;

/**
 * Saving papers to read later: the save button's form post (CSRF-checked like a vote, no script)
 * and {@code /saved}, the reader's list. The list is the reader's own, so nothing of it is kept
 * between requests.
 */
final class SavedPage {
  static final int MAX_LISTED = 500;

  private final SavedPapers saved;
  private final PaperRepository papers;
  private final Votes votes;
  private final Clock clock;

  SavedPage(SavedPapers saved, PaperRepository papers, Votes votes, Clock clock) {
    this.saved = saved;
    this.papers = papers;
    this.votes = votes;
    this.clock = clock;
  }

  void save(Context ctx) {
    Visitor v = Visitor.of(ctx);
    if (!v.signedIn()) throw new ForbiddenException("sign in to save papers");
    String paper = PaperPage.formPaper(ctx);
    String action = ctx.formParam("action");
    if ("remove".equals(action)) {
      // No check that the paper exists: a saved paper that was merged away must still be removable.
      saved.remove(v.account().id(), paper);
    } else if (action == null || "save".equals(action)) {
      if (papers.find(paper).isEmpty())
        throw new NotFoundException("no paper with id '" + paper + "' in the store");
      saved.save(v.account().id(), paper, clock.instant());
    } else {
      throw new BadInputException(
          "action must be 'save' or 'remove', was '" + Html.abbreviate(action, 20) + "'");
    }
    ctx.redirect(AccountPages.next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  void show(Context ctx) {
    Visitor v = Visitor.of(ctx);
    if (!v.signedIn()) {
      ctx.redirect("/login?next=" + Html.url("/saved"), HttpStatus.SEE_OTHER);
      return;
    }
    List<String> ids = saved.list(v.account().id(), MAX_LISTED);
    Map<String, Paper> found = papers.findAll(ids);
    List<PaperCards.Card> cards = new ArrayList<>();
    for (String id : ids) if (found.containsKey(id)) cards.add(new PaperCards.Card(found.get(id)));
    Html list = new Html();
    list.raw("<h1>Saved papers</h1>");
    if (cards.isEmpty()) {
      list.raw(
          "<p class=\"explain\">Nothing saved yet. The Save button next to a paper's upvote keeps it"
              + " here; your daily digest also picks new papers like the ones you save.</p>");
    } else {
      list.raw("<p class=\"explain\">")
          .text(cards.size())
          .raw(cards.size() == 1 ? " paper" : " papers")
          .raw(", most recently saved first. Your daily digest picks new papers like these.</p>");
      PaperCards.list(list, cards, votes, 1);
    }
    Html h = new Html();
    PaperCards.fill(h, list.fragment(), votes, saved, v, "/saved");
    ctx.header("Cache-Control", "no-store");
    Layout.send(ctx, "Saved papers", h, null);
  }
}
