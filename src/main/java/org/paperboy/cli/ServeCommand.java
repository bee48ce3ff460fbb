package org.paperboy.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.paperboy.app.Paperboy;
import org.paperboy.app.SampleCorpus;
import org.paperboy.search.VectorBackfill;
import org.paperboy.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "serve",
    description = "Run the web app; on an empty data dir it first loads the bundled sample corpus.")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (env PAPERBOY_PORT, default 8080; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Address to listen on (env PAPERBOY_HOST, default 0.0.0.0).")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    Paperboy app = main.app();
    int wanted = port != null ? port : app.config().envInt("PAPERBOY_PORT", 8080);
    String bind = host != null ? host : main.env().getOrDefault("PAPERBOY_HOST", "0.0.0.0");
    WebServer server = WebServer.of(app);
    VectorBackfill embedder = new VectorBackfill(app.search()).start();
    CountDownLatch stopped = new CountDownLatch(1);
    // Ctrl-C: stop taking requests, then close the store, so nothing is left half written.
    Thread hook =
        new Thread(
            () -> {
              server.close();
              embedder.close();
              app.close();
              stopped.countDown();
            },
            "paperboy-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int actual = server.start(bind, wanted);
    if (!main.env().containsKey("PAPERBOY_BASE_URL"))
      app.digests().useBaseUrl("http://localhost:" + actual);
    app.digests().startScheduler(); // stopped by app.close()
    var out = main.spec.commandLine().getOut();
    // Serve first, then load the sample: on a small, busy machine that takes a while, and a
    // newcomer should see the pages (filling up batch by batch) rather than a refused connection.
    // Its vectors come later from the background embedder.
    if (app.papers().count() == 0) {
      out.printf(
          "paperboy is serving at http://localhost:%d/ (Ctrl-C stops it);"
              + " loading the bundled sample corpus meanwhile...%n",
          actual);
      out.flush();
      SampleCorpus.loadIfEmpty(app);
    }
    out.printf(
        "paperboy is serving %,d papers at http://localhost:%d/ (Ctrl-C stops it)%n",
        app.papers().count(), actual);
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
