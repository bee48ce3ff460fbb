package org.paperboy.app;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.paperboy.PaperboyException;
import org.paperboy.ingest.IngestService;
import org.paperboy.search.SearchService;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.StateRepository;

/**
 * The one place that builds paperboy's object graph. It opens things in data-flow order and
 * {@link #close()} closes them in reverse, also after a start that failed half way. The CLI, the
 * web server and the tests all get their services from here.
 */
public final class Paperboy implements AutoCloseable {
  private final Config config;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private final Database database;
  private final PaperRepository papers;
  private final StateRepository state;
  private final IngestService ingest;
  private final SearchService search;

  private Paperboy(Config config) {
    this.config = config;
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot create the data dir " + config.dataDir() + ": " + e.getMessage(), e);
    }
    try {
      database = track(Database.open(config.dbUrl(), config.dbUser(), config.dbPassword()));
      papers = new PaperRepository(database.jdbi());
      state = new StateRepository(database.jdbi());
      ingest = new IngestService(papers, Clock.systemUTC());
      search = track(SearchService.open(config.dataDir().resolve("index"), papers, database.jdbi(), null));
      ingest.addListener(search::stored);
    } catch (RuntimeException e) {
      closeAfterFailedStart(e);
      throw e;
    }
  }

  private void closeAfterFailedStart(RuntimeException cause) {
    try {
      close();
    } catch (RuntimeException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  /** Opens the application for {@code config}; the caller closes it. */
  public static Paperboy open(Config config) {
    return new Paperboy(config);
  }

  private <T extends AutoCloseable> T track(T resource) {
    opened.push(resource);
    return resource;
  }

  public Config config() {
    return config;
  }

  public Database database() {
    return database;
  }

  public PaperRepository papers() {
    return papers;
  }

  public StateRepository state() {
    return state;
  }

  public IngestService ingest() {
    return ingest;
  }

  public SearchService search() {
    return search;
  }

  @Override
  public void close() {
    PaperboyException failure = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (failure == null) failure = new PaperboyException("closing paperboy failed: " + e.getMessage(), e);
      }
    }
    if (failure != null) throw failure;
  }
}
