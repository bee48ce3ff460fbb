package org.paperboy.cli;

import java.util.concurrent.Callable;
import org.paperboy.app.Paperboy;
import org.paperboy.app.SampleCorpus;
import org.paperboy.app.Serving;
import org.paperboy.app.Setting;
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
      description = "HTTP port (serve.port, env PAPERBOY_PORT, default 8080; 0 picks a free one).")
  String port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Address to listen on (serve.host, env PAPERBOY_HOST, default 0.0.0.0).")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    main.flag(Setting.PORT, port);
    main.flag(Setting.HOST, host);
    Paperboy app = main.app();
    Serving serving = app.serve();
    var out = main.spec.commandLine().getOut();
    // Serve first, then load the sample: on a small, busy machine that takes a while, and a
    // newcomer should see the pages (filling up batch by batch) rather than a refused connection.
    // Its vectors come later from the background embedder.
    if (app.papers().count() == 0) {
      out.printf(
          "paperboy is serving at http://localhost:%d/ (Ctrl-C stops it);"
              + " loading the bundled sample corpus meanwhile...%n",
          serving.port());
      out.flush();
      SampleCorpus.loadIfEmpty(app);
    }
    out.printf(
        "paperboy is serving %,d papers at http://localhost:%d/ (Ctrl-C stops it)%n",
        app.papers().count(), serving.port());
    out.flush();
    serving.await();
    return ExitCodes.OK;
  }
}
