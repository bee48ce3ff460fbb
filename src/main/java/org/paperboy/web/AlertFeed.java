package org.paperboy.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.paperboy.NotFoundException;
import org.paperboy.account.Account;
import org.paperboy.account.AccountService;
import org.paperboy.digest.DigestService;
import org.paperboy.digest.Subscription;
import org.paperboy.paper.Paper;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;
import org.paperboy.search.SearchService;
import org.paperboy.store.PaperRepository;

/**
 * A reader's own alerts as an Atom feed, at {@code /feeds/alerts/ID.TOKEN.atom}. A feed reader
 * cannot send the sign-in cookie, so the URL is the credential: TOKEN is an HMAC of the account id
 * (the account's keyed HMAC, kind "alerts-feed"), so nothing is stored and a wrong or guessed URL
 * is a 404 like any unknown path. The alerts are those of the digest subscription of the account's
 * address (sign-in is by address, so the two are one person); words only, newest first.
 */
final class AlertFeed {
  static final String ATTRIBUTE = "paperboy.alertFeed";
  private static final String KIND = "alerts-feed";
  private static final int SIZE = 50;

  private final AccountService accounts;
  private final DigestService digests;
  private final SearchService search;
  private final PaperRepository papers;
  private final AtomFeeds feeds;

  AlertFeed(
      AccountService accounts,
      DigestService digests,
      SearchService search,
      PaperRepository papers,
      AtomFeeds feeds) {
    this.accounts = accounts;
    this.digests = digests;
    this.search = search;
    this.papers = papers;
    this.feeds = feeds;
  }

  String path(Account a) {
    return "/feeds/alerts/"
        + a.id()
        + "."
        + accounts.formToken(KIND, Long.toString(a.id()))
        + ".atom";
  }

  /** Before every page: a signed-in reader's footer links their feed (see {@link Layout}). */
  void before(Context ctx) {
    Visitor v = Visitor.of(ctx);
    if (v.signedIn()) ctx.attribute(ATTRIBUTE, path(v.account()));
  }

  void show(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".atom") || file.length() > 120) throw notFound();
    String name = file.substring(0, file.length() - ".atom".length());
    int dot = name.indexOf('.');
    if (dot < 1) throw notFound();
    long id;
    try {
      id = Long.parseLong(name.substring(0, dot));
    } catch (NumberFormatException e) {
      throw notFound();
    }
    String given = name.substring(dot + 1);
    String expected = accounts.formToken(KIND, Long.toString(id));
    if (!MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw notFound();
    }
    String email = accounts.addresses().get(id);
    if (email == null) throw notFound();
    List<String> alerts = digests.find(email).map(Subscription::alerts).orElse(List.of());
    feeds.send(
        ctx, "paperboy: your alerts", "/feeds/alerts/" + file, "/subscribe", matching(alerts));
  }

  /** Every paper some alert's words match, newest first (the ranking of each alert is no order). */
  private List<Paper> matching(List<String> alerts) {
    Set<String> ids = new LinkedHashSet<>();
    for (String alert : alerts) {
      SearchRequest r = new SearchRequest(alert, SearchMode.LEXICAL, SIZE, null, null, null);
      for (SearchHit h : search.search(r).hits()) ids.add(h.id());
    }
    List<Paper> found = new ArrayList<>(papers.findAll(List.copyOf(ids)).values());
    found.sort(
        Comparator.comparing(
                Paper::published,
                Comparator.nullsFirst(Comparator.<java.time.LocalDate>naturalOrder()))
            .thenComparing(Paper::id)
            .reversed());
    return found.subList(0, Math.min(SIZE, found.size()));
  }

  private static NotFoundException notFound() {
    return new NotFoundException("no such feed");
  }
}
