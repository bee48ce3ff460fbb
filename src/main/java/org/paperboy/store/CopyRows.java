package org.paperboy.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Function;
import org.paperboy.paper.Paper;

/** One paper as a line of PostgreSQL's COPY text format, columns in {@link CopyLoader#COLUMNS}. */
final class CopyRows {
  private CopyRows() {}

  static void append(StringBuilder out, Paper p, Instant now, Function<String, String> hash) {
    field(out, p.id());
    field(out, Integer.toString(p.version()));
    field(out, p.title());
    field(out, hash.apply(p.title()));
    field(out, p.abstractText());
    field(out, String.join("\n", p.authors()));
    field(out, String.join(" ", p.categories()));
    field(out, p.primaryCategory());
    field(out, p.published() == null ? null : p.published().toString());
    field(out, p.updated() == null ? null : p.updated().toString());
    field(out, p.doi());
    field(out, p.journalRef());
    field(out, p.comments());
    field(out, p.license());
    field(out, p.links().abs());
    field(out, p.links().pdf());
    field(out, p.links().code());
    field(out, p.links().project());
    field(out, p.signals().hfUpvotes() == null ? null : p.signals().hfUpvotes().toString());
    field(out, p.signals().githubStars() == null ? null : p.signals().githubStars().toString());
    field(out, String.join("\n", p.signals().aiKeywords()));
    field(out, String.join(" ", p.sources()));
    field(out, local(p.firstSeen() != null ? p.firstSeen() : now));
    field(out, local(now));
    out.setCharAt(out.length() - 1, '\n');
  }

  /**
   * As the JDBC driver sends a {@code Timestamp} into a TIMESTAMP column: the wall-clock time in
   * the JVM's zone, so rows copied and rows inserted read back the same.
   */
  private static String local(Instant i) {
    return LocalDateTime.ofInstant(i, ZoneId.systemDefault()).toString();
  }

  private static void field(StringBuilder out, String v) {
    if (v == null) {
      out.append("\\N");
    } else {
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        switch (ch) {
          case '\\' -> out.append("\\\\");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> out.append(ch);
        }
      }
    }
    out.append('\t');
  }
}
