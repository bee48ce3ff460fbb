package org.paperboy.app;

/**
 * The JVM-wide system properties paperboy sets, once, before any library reads them: first thing in
 * {@code Main.main} and in {@link Paperboy#open}. A user's {@code -D} wins over each.
 */
public final class JvmSettings {
  private JvmSettings() {}

  public static void apply() {
    // H2 interns every value it binds in a small global cache (hashing each string) to save heap on
    // repeated values; papers are almost all distinct, and on bulk ingest the cache cost the writer
    // thread about a sixth of its CPU time (measured on 50,000 Kaggle records) for nothing. It must
    // be set before H2's SysProperties class is loaded, i.e. before the first database opens.
    setDefault("h2.objectCache", "false");
    // Jakarta Mail 2.1 looks its stream provider up again for every part it encodes, by a
    // ServiceLoader scan of the class path unless this property names the class: that scan was a
    // third of the time of each digest sent (JFR).
    setDefault(
        "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  private static void setDefault(String name, String value) {
    if (System.getProperty(name) == null) System.setProperty(name, value);
  }
}
