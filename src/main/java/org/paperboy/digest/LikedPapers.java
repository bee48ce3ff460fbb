package org.paperboy.digest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.paperboy.account.AccountService;
import org.paperboy.account.SavedPapers;
import org.paperboy.rank.Votes;

/**
 * What each reader liked, by address, read through the repositories that own the signals: votes
 * ({@link Votes}) and saves ({@link SavedPapers}) of the account with the reader's address, and the
 * reader's own clicks from earlier digests ({@link DigestClicks}). Plain scans, no join and no
 * sort: with 100,000 readers that is over a million votes, and a paper's id is kept once however
 * many readers liked it.
 */
final class LikedPapers {
  private final AccountService accounts;
  private final Votes votes;
  private final SavedPapers saved;
  private final DigestClicks clicks;

  LikedPapers(AccountService accounts, Votes votes, SavedPapers saved, DigestClicks clicks) {
    this.accounts = accounts;
    this.votes = votes;
    this.saved = saved;
    this.clicks = clicks;
  }

  /** The liked papers of every reader who has any, by address. */
  Map<String, Liked> of(Collection<Subscription> due) {
    Map<Long, String> emails = accounts.addresses();
    Map<String, Liked> out = new HashMap<>();
    Map<String, String> ids = new HashMap<>();
    votes.forEach(
        (paper, account) -> add(out, ids, emails.get(account), paper, Liked.UPVOTED, false));
    saved.forEach((paper, account) -> add(out, ids, emails.get(account), paper, Liked.SAVED, true));
    // Clicks belong to a subscription, not an account: only those of the readers due now matter.
    Map<Long, String> subscribers = new HashMap<>();
    due.forEach(s -> subscribers.put(s.id(), s.email()));
    clicks.forEach(
        (paper, subscription) ->
            add(out, ids, subscribers.get(subscription), paper, Liked.CLICKED, true));
    return out;
  }

  /** {@code ids} keeps one copy of each paper id; {@code search}: see {@link Liked#add}. */
  private static void add(
      Map<String, Liked> out,
      Map<String, String> ids,
      String email,
      String paper,
      byte kind,
      boolean search) {
    if (email == null) return;
    out.computeIfAbsent(email, k -> new Liked())
        .add(ids.computeIfAbsent(paper, k -> k), kind, search);
  }
}
