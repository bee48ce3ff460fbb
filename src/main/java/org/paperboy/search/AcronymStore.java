package org.paperboy.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.paperboy.search.AcronymMiner.Definition;

/** The mined acronym definitions in SQL, so the lexicon survives restarts without a re-mine. */
final class AcronymStore {
  private final Jdbi jdbi;

  AcronymStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Replaces what is known about these papers with {@code defs} (paper id -> definitions). */
  void replace(Map<String, Set<Definition>> defs) {
    if (defs.isEmpty()) return;
    jdbi.useTransaction(
        h -> {
          List<String> ids = List.copyOf(defs.keySet());
          for (int i = 0; i < ids.size(); i += 500) {
            h.createUpdate("DELETE FROM acronym_definitions WHERE paper_id IN (<ids>)")
                .bindList("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                .execute();
          }
          PreparedBatch batch =
              h.prepareBatch(
                  "INSERT INTO acronym_definitions (paper_id, short_form, long_form) VALUES (:p, :s, :l)");
          int rows = 0;
          for (Map.Entry<String, Set<Definition>> e : defs.entrySet()) {
            for (Definition d : e.getValue()) {
              if (d.shortForm().length() > 32 || d.longForm().length() > 300) continue;
              batch.bind("p", e.getKey()).bind("s", d.shortForm()).bind("l", d.longForm()).add();
              rows++;
            }
          }
          if (rows > 0) batch.execute();
        });
  }

  void clear() {
    jdbi.useHandle(h -> h.execute("DELETE FROM acronym_definitions"));
  }

  AcronymLexicon load() {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT short_form, long_form, COUNT(*) AS n FROM acronym_definitions"
                        + " GROUP BY short_form, long_form")
                .map(
                    (rs, ctx) -> {
                      counts
                          .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                          .put(rs.getString(2), rs.getInt(3));
                      return 0;
                    })
                .list());
    return AcronymLexicon.of(counts);
  }
}
