package org.paperboy.paper;

/** Where to read a paper and its artefacts; any of them may be null. */
public record Links(String abs, String pdf, String code, String project) {
  public static final Links NONE = new Links(null, null, null, null);

  /** Fills the gaps of this with {@code other}: what this knows wins. */
  public Links orElse(Links other) {
    return new Links(
        abs != null ? abs : other.abs,
        pdf != null ? pdf : other.pdf,
        code != null ? code : other.code,
        project != null ? project : other.project);
  }
}
