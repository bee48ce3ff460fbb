package org.paperboy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.formats.Format;
import org.paperboy.ingest.text.Normalizer;
import org.paperboy.paper.Paper;
import org.paperboy.paper.TitleKey;
import org.paperboy.store.CopyLoader;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestPostgres;

/**
 * New papers into PostgreSQL three ways, each on a fresh schema, in batches of 1,000 (one
 * transaction each), from papers already parsed (the Kaggle generator's sample, fresh ids and
 * titles): today's row-by-row INSERT batch ({@link PaperRepository#write}), {@link CopyLoader}
 * (COPY into a temp table, then INSERT … SELECT), and a bare COPY straight into {@code papers}, the
 * most the schema takes. Needs PAPERBOY_TEST_PG_URL ({@code .ci/postgres-start}).
 *
 * <pre>
 * PAPERBOY_TEST_PG_URL=$(.ci/postgres-start) bench/run PostgresBulkLoadBenchmark --records 200000
 * </pre>
 */
public final class PostgresBulkLoadBenchmark {
  private static final int BATCH = 1_000;

  public static void main(String[] args) throws IOException {
    long records = Long.parseLong(KaggleGenerator.arg(args, "--records", "200000"));
    List<Paper> sample = sample();
    double insert = run("insert", records, sample);
    double loader = run("loader", records, sample);
    double bare = run("bare", records, sample);
    System.out.printf(
        "ratio CopyLoader/bare COPY: %.2f, CopyLoader/INSERT: %.2f, INSERT/bare COPY: %.2f%n",
        loader / bare, loader / insert, insert / bare);
  }

  private static double run(String how, long records, List<Paper> sample) {
    try (TestPostgres pg = TestPostgres.freshSchema();
        Database db = Database.open(pg.url(), pg.user(), pg.password())) {
      PaperRepository papers = new PaperRepository(db.jdbi());
      Instant now = Instant.now();
      long t0 = System.nanoTime();
      List<Paper> batch = new ArrayList<>(BATCH);
      for (long i = 0; i < records; i++) {
        Paper p = sample.get((int) (i % sample.size()));
        batch.add(
            p.toBuilder()
                .id(KaggleGenerator.id(i))
                .title(KaggleGenerator.title(p.title(), i))
                .build());
        if (batch.size() == BATCH || i == records - 1) {
          List<Paper> b = List.copyOf(batch);
          switch (how) {
            case "insert" -> papers.write(b, List.of(), List.of(), now, TitleKey::hash);
            case "loader" ->
                db.jdbi().useTransaction(h -> CopyLoader.insert(h, b, now, TitleKey::hash));
            default -> db.jdbi().useTransaction(h -> bareCopy(h, b, now));
          }
          batch.clear();
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long stored = papers.count();
      System.out.printf(
          "%-7s %,d records (%,d stored) in %.1f s = %,.0f records/s%n",
          how, records, stored, seconds, records / seconds);
      return records / seconds;
    }
  }

  private static void bareCopy(Handle h, List<Paper> batch, Instant now) {
    try {
      Connection c = h.getConnection();
      CopyLoader.copy(c, "papers", batch, now, TitleKey::hash);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Paper> sample() throws IOException {
    List<Paper> sample = new ArrayList<>();
    RecordSink collect =
        new RecordSink() {
          @Override
          public void accept(Paper.Builder b, long line) {
            Normalizer.normalize(b);
            sample.add(b.addSource("kaggle").build());
          }

          @Override
          public void reject(long line, String reason) {}
        };
    try (InputStream in =
        PostgresBulkLoadBenchmark.class.getResourceAsStream(KaggleGenerator.SAMPLE)) {
      Format.KAGGLE.newParser().parse(in, "sample", collect);
    }
    return sample;
  }
}
