package org.paperboy.web;

import io.javalin.http.Context;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.NotFoundException;
import org.paperboy.mail.OutboxMailer;

/**
 * The outbox, for a local user to click their link. Only when mail goes to files and only to a
 * browser on this machine: the links in it sign anyone in.
 */
final class OutboxPage {
  private static final Pattern URL = Pattern.compile("https?://\\S+");

  private final OutboxMailer outbox;

  /**
   * {@code outbox} is null when there is no page to show: mail goes out by SMTP, or the settings
   * hide the page ({@link WebSettings#outboxPage()}).
   */
  OutboxPage(OutboxMailer outbox) {
    this.outbox = outbox;
  }

  /** Whether a page may point this visitor to the outbox. */
  boolean visible(Context ctx) {
    return outbox != null && local(ctx);
  }

  void list(Context ctx) {
    OutboxMailer outbox = localOutbox(ctx);
    Html h =
        new Html()
            .raw("<h1>Outbox</h1><p>Mail this paperboy would have sent, newest first (files in ")
            .text(outbox.dir().toAbsolutePath())
            .raw(").</p><ul class=\"outbox\">");
    for (OutboxMailer.Stored m : outbox.list(50)) {
      h.raw("<li><a href=\"/outbox/")
          .text(m.name())
          .raw("\">")
          .text(m.subject())
          .raw("</a> <span class=\"meta\">to ")
          .text(m.to())
          .raw(" · ")
          .text(m.date())
          .raw("</span></li>");
    }
    h.raw("</ul>");
    ctx.header("Cache-Control", "no-store");
    ctx.html(Layout.page(ctx, "Outbox", h));
  }

  void message(Context ctx) {
    OutboxMailer.Stored m =
        localOutbox(ctx)
            .find(ctx.pathParam("name"))
            .orElseThrow(() -> new NotFoundException("no such message in the outbox"));
    Html h =
        new Html()
            .raw("<h1>")
            .text(m.subject())
            .raw("</h1><p class=\"meta\">To ")
            .text(m.to())
            .raw(" · ")
            .text(m.date())
            .raw("</p><pre class=\"mail\">");
    Matcher u = URL.matcher(m.text());
    int at = 0;
    while (u.find()) { // the text escaped, its links clickable
      h.text(m.text().substring(at, u.start())).link(u.group(), u.group());
      at = u.end();
    }
    h.text(m.text().substring(at)).raw("</pre><p><a href=\"/outbox\">Back to the outbox</a></p>");
    ctx.header("Cache-Control", "no-store");
    ctx.html(Layout.page(ctx, m.subject(), h));
  }

  private OutboxMailer localOutbox(Context ctx) {
    if (outbox == null) {
      throw new NotFoundException("this paperboy sends real mail; there is no local outbox");
    }
    if (!local(ctx))
      throw new ForbiddenException("the outbox is only shown to a browser on this machine");
    return outbox;
  }

  private static boolean local(Context ctx) {
    String ip = ctx.req().getRemoteAddr();
    return ip.equals("127.0.0.1") || ip.equals("0:0:0:0:0:0:0:1") || ip.equals("::1");
  }
}
