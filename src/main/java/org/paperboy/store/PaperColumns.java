package org.paperboy.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.paperboy.paper.Links;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Signals;

/**
 * The columns of {@code papers}, listed once: the SELECT list, the INSERT and the UPDATE, their
 * positional binder and the row mapper all come from this table. {@code change_seq} is not in it:
 * an INSERT takes its DEFAULT (the next value of {@code paper_change_seq}), an UPDATE sets it to
 * the next value explicitly (V13).
 */
final class PaperColumns {
  private PaperColumns() {}

  /** What a writer knows besides the paper: the write's time and the title hash function. */
  record Write(Timestamp now, Function<String, String> titleHash) {}

  private interface Binder {
    void bind(PreparedStatement st, int i, Paper p, Write w) throws SQLException;
  }

  /** {@code key}: the WHERE of an UPDATE; {@code insertOnly}: never changed once written. */
  private record Column(String name, boolean key, boolean insertOnly, Binder binder) {
    static Column of(String name, Binder binder) {
      return new Column(name, false, false, binder);
    }
  }

  private static final List<Column> TABLE =
      List.of(
          new Column("id", true, true, (st, i, p, w) -> st.setString(i, p.id())),
          Column.of("version", (st, i, p, w) -> st.setInt(i, p.version())),
          Column.of("title", (st, i, p, w) -> st.setString(i, p.title())),
          Column.of("title_hash", (st, i, p, w) -> st.setString(i, w.titleHash().apply(p.title()))),
          Column.of("abstract_text", (st, i, p, w) -> st.setString(i, p.abstractText())),
          Column.of("authors", (st, i, p, w) -> st.setString(i, String.join("\n", p.authors()))),
          Column.of(
              "categories", (st, i, p, w) -> st.setString(i, String.join(" ", p.categories()))),
          Column.of("primary_category", (st, i, p, w) -> st.setString(i, p.primaryCategory())),
          Column.of("published", (st, i, p, w) -> st.setObject(i, p.published(), Types.DATE)),
          Column.of("updated", (st, i, p, w) -> st.setObject(i, p.updated(), Types.DATE)),
          Column.of("doi", (st, i, p, w) -> st.setString(i, p.doi())),
          Column.of("journal_ref", (st, i, p, w) -> st.setString(i, p.journalRef())),
          Column.of("comments", (st, i, p, w) -> st.setString(i, p.comments())),
          Column.of("license", (st, i, p, w) -> st.setString(i, p.license())),
          Column.of("link_abs", (st, i, p, w) -> st.setString(i, p.links().abs())),
          Column.of("link_pdf", (st, i, p, w) -> st.setString(i, p.links().pdf())),
          Column.of("link_code", (st, i, p, w) -> st.setString(i, p.links().code())),
          Column.of("link_project", (st, i, p, w) -> st.setString(i, p.links().project())),
          Column.of(
              "hf_upvotes",
              (st, i, p, w) -> st.setObject(i, p.signals().hfUpvotes(), Types.INTEGER)),
          Column.of(
              "github_stars",
              (st, i, p, w) -> st.setObject(i, p.signals().githubStars(), Types.INTEGER)),
          Column.of(
              "ai_keywords",
              (st, i, p, w) -> st.setString(i, String.join("\n", p.signals().aiKeywords()))),
          Column.of("sources", (st, i, p, w) -> st.setString(i, String.join(" ", p.sources()))),
          new Column(
              "first_seen",
              false,
              true,
              (st, i, p, w) ->
                  st.setTimestamp(
                      i, p.firstSeen() != null ? Timestamp.from(p.firstSeen()) : w.now())),
          Column.of("last_changed", (st, i, p, w) -> st.setTimestamp(i, w.now())));

  private static final List<Column> UPDATED = TABLE.stream().filter(c -> !c.insertOnly()).toList();
  private static final List<Column> KEYS = TABLE.stream().filter(Column::key).toList();

  /** The SELECT list of every column {@link #map} reads. */
  static final String SELECT = names(TABLE);

  static final String INSERT =
      "INSERT INTO papers (" + SELECT + ") VALUES (" + placeholders(TABLE.size()) + ")";

  static final String UPDATE =
      "UPDATE papers SET "
          + UPDATED.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", "))
          + ", change_seq = nextval('paper_change_seq') WHERE "
          + KEYS.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(" AND "));

  /** Binds {@code p} to the parameters of {@link #INSERT}. */
  static void bindInsert(PreparedStatement st, Paper p, Write w) throws SQLException {
    bind(st, TABLE, p, w);
  }

  /** Binds {@code p} to the parameters of {@link #UPDATE}: the changed columns, then the key. */
  static void bindUpdate(PreparedStatement st, Paper p, Write w) throws SQLException {
    int i = bind(st, UPDATED, p, w);
    for (Column c : KEYS) c.binder().bind(st, i++, p, w);
  }

  private static int bind(PreparedStatement st, List<Column> columns, Paper p, Write w)
      throws SQLException {
    int i = 1;
    for (Column c : columns) c.binder().bind(st, i++, p, w);
    return i;
  }

  /** A row selected with {@link #SELECT}, as a paper. */
  static Paper map(ResultSet rs) throws SQLException {
    return new Paper(
        rs.getString("id"),
        rs.getInt("version"),
        rs.getString("title"),
        rs.getString("abstract_text"),
        split(rs.getString("authors"), "\n"),
        split(rs.getString("categories"), " "),
        rs.getObject("published", LocalDate.class),
        rs.getObject("updated", LocalDate.class),
        rs.getString("doi"),
        rs.getString("journal_ref"),
        rs.getString("comments"),
        rs.getString("license"),
        new Links(
            rs.getString("link_abs"),
            rs.getString("link_pdf"),
            rs.getString("link_code"),
            rs.getString("link_project")),
        new Signals(
            rs.getObject("hf_upvotes", Integer.class),
            rs.getObject("github_stars", Integer.class),
            split(rs.getString("ai_keywords"), "\n")),
        split(rs.getString("sources"), " "),
        instant(rs.getTimestamp("first_seen")));
  }

  private static String names(List<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.joining(", "));
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static List<String> split(String s, String sep) {
    if (s == null || s.isEmpty()) return List.of();
    return new ArrayList<>(Arrays.asList(s.split(sep)));
  }
}
