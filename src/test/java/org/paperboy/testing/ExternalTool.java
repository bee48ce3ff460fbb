package org.paperboy.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A third-party program a test checks paperboy's output with (dkimpy, SpamAssassin, feedparser):
 * the test skips, naming the Debian package, where the program is absent; {@code .ci/run} installs
 * them so CI runs every such test.
 */
public final class ExternalTool {
  private ExternalTool() {}

  /** What a run printed and how it ended. */
  public record Run(int exitCode, String out, String err) {}

  /** Skips the calling test unless {@code program} exists (an absolute path) from {@code pkg}. */
  public static void assumeInstalled(Path program, String pkg) {
    assumeTrue(
        Files.isExecutable(program),
        program + " is not installed (Debian package " + pkg + "): skipping this check");
  }

  /**
   * Skips the calling test unless Debian's python3 can import {@code module} (from {@code pkg}).
   */
  public static void assumePythonModule(String module, String pkg) {
    assumeInstalled(PYTHON, "python3");
    Run r = run(List.of(PYTHON.toString(), "-c", "import " + module), "");
    assumeTrue(
        r.exitCode() == 0,
        "python3 has no module " + module + " (Debian package " + pkg + "): skipping this check");
  }

  /** Debian's python3, which sees the Debian packages (a pyenv one on PATH may not). */
  public static final Path PYTHON = Path.of("/usr/bin/python3");

  /** Runs {@code command} with {@code stdin}, for at most two minutes. */
  public static Run run(List<String> command, String stdin) {
    try {
      Path out = Files.createTempFile("tool", ".out");
      Path err = Files.createTempFile("tool", ".err");
      try {
        Process p =
            new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try (var in = p.getOutputStream()) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new AssertionError(command.get(0) + " did not finish in two minutes");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command.get(0), e);
    }
  }
}
