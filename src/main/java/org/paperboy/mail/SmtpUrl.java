package org.paperboy.mail;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.paperboy.BadInputException;

/**
 * Where mail goes, from {@code PAPERBOY_SMTP_URL}: {@code smtp://user:pass@host:port} (plain, port
 * 25 by default), {@code ?starttls=true} to require STARTTLS, {@code smtps://} for implicit TLS
 * (port 465 by default). User and password are URL-encoded and optional.
 */
public record SmtpUrl(
    String host, int port, boolean implicitTls, boolean startTls, String user, String password) {
  public SmtpUrl {
    requireNonNull(host, "host");
  }

  public static SmtpUrl parse(String url) {
    URI u;
    try {
      u = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new BadInputException("PAPERBOY_SMTP_URL is not a URL: " + e.getMessage());
    }
    String scheme = u.getScheme();
    if (!"smtp".equals(scheme) && !"smtps".equals(scheme)) {
      throw new BadInputException(
          "PAPERBOY_SMTP_URL must start with smtp:// or smtps://, was '" + redacted(url) + "'");
    }
    if (u.getHost() == null)
      throw new BadInputException("PAPERBOY_SMTP_URL has no host: '" + redacted(url) + "'");
    boolean tls = scheme.equals("smtps");
    Map<String, String> q = new HashMap<>();
    if (u.getRawQuery() != null) {
      for (String kv : u.getRawQuery().split("&")) {
        int eq = kv.indexOf('=');
        q.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "true" : decode(kv.substring(eq + 1)));
      }
    }
    String user = null, pass = null;
    if (u.getRawUserInfo() != null) {
      String[] up = u.getRawUserInfo().split(":", 2);
      user = decode(up[0]);
      pass = up.length > 1 ? decode(up[1]) : null;
    }
    int port = u.getPort() > 0 ? u.getPort() : tls ? 465 : 25;
    return new SmtpUrl(
        u.getHost(), port, tls, "true".equalsIgnoreCase(q.get("starttls")), user, pass);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The URL without its password, for messages and logs. */
  static String redacted(String url) {
    return url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
  }

  @Override
  public String toString() {
    return (implicitTls ? "smtps://" : "smtp://")
        + (user != null ? user + ":***@" : "")
        + host
        + ":"
        + port;
  }
}
