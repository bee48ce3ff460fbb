package org.paperboy.paper;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One research paper, as paperboy keeps it after merging every source that mentioned it.
 *
 * <p>{@code id} is the arXiv id without version ({@code 2401.01234}, {@code hep-th/9901001}) or,
 * for papers seen only in plain listings, a stable id derived from the normalised title ({@link
 * TitleKey#idFor}). {@code version} is the latest arXiv version known, 0 when unknown. {@code
 * published} is the date of the first version, {@code updated} of the latest; either may be null.
 * {@code sources} names the formats that reported the paper; {@code firstSeen} is when this store
 * first saw it (null before it is stored).
 */
public record Paper(
    String id,
    int version,
    String title,
    String abstractText,
    List<String> authors,
    List<String> categories,
    LocalDate published,
    LocalDate updated,
    String doi,
    String journalRef,
    String comments,
    String license,
    Links links,
    Signals signals,
    List<String> sources,
    Instant firstSeen) {

  public Paper {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(abstractText, "abstractText");
    authors = List.copyOf(requireNonNull(authors, "authors"));
    categories = List.copyOf(requireNonNull(categories, "categories"));
    links = links == null ? Links.NONE : links;
    signals = signals == null ? Signals.NONE : signals;
    sources = List.copyOf(new TreeSet<>(requireNonNull(sources, "sources")));
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, was " + version);
    }
  }

  /** True when the id is a real arXiv id rather than one derived from the title. */
  public boolean hasArxivId() {
    return !TitleKey.isTitleId(id);
  }

  /** The primary category (the first one), or null when the source gave none. */
  public String primaryCategory() {
    return categories.isEmpty() ? null : categories.get(0);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A mutable builder, because parsers fill papers field by field as the feed reveals them. */
  public static final class Builder {
    private String id;
    private int version;
    private String title;
    private String abstractText;
    private List<String> authors = new ArrayList<>();
    private List<String> categories = new ArrayList<>();
    private LocalDate published;
    private LocalDate updated;
    private String doi;
    private String journalRef;
    private String comments;
    private String license;
    private Links links = Links.NONE;
    private Signals signals = Signals.NONE;
    private List<String> sources = new ArrayList<>();
    private Instant firstSeen;

    private Builder() {}

    private Builder(Paper p) {
      id = p.id;
      version = p.version;
      title = p.title;
      abstractText = p.abstractText;
      authors = new ArrayList<>(p.authors);
      categories = new ArrayList<>(p.categories);
      published = p.published;
      updated = p.updated;
      doi = p.doi;
      journalRef = p.journalRef;
      comments = p.comments;
      license = p.license;
      links = p.links;
      signals = p.signals;
      sources = new ArrayList<>(p.sources);
      firstSeen = p.firstSeen;
    }

    public String id() {
      return id;
    }

    public String title() {
      return title;
    }

    public String abstractText() {
      return abstractText;
    }

    public List<String> authors() {
      return authors;
    }

    public List<String> categories() {
      return categories;
    }

    public String comments() {
      return comments;
    }

    public String journalRef() {
      return journalRef;
    }

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder version(int v) {
      version = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder abstractText(String v) {
      abstractText = v;
      return this;
    }

    public Builder authors(List<String> v) {
      authors = new ArrayList<>(v);
      return this;
    }

    public Builder addAuthor(String v) {
      authors.add(v);
      return this;
    }

    public Builder categories(List<String> v) {
      categories = new ArrayList<>(v);
      return this;
    }

    public Builder addCategory(String v) {
      if (!categories.contains(v)) categories.add(v);
      return this;
    }

    public Builder published(LocalDate v) {
      published = v;
      return this;
    }

    public Builder updated(LocalDate v) {
      updated = v;
      return this;
    }

    public Builder doi(String v) {
      doi = v;
      return this;
    }

    public Builder journalRef(String v) {
      journalRef = v;
      return this;
    }

    public Builder comments(String v) {
      comments = v;
      return this;
    }

    public Builder license(String v) {
      license = v;
      return this;
    }

    public Builder links(Links v) {
      links = v;
      return this;
    }

    public Builder signals(Signals v) {
      signals = v;
      return this;
    }

    public Builder sources(List<String> v) {
      sources = new ArrayList<>(v);
      return this;
    }

    public Builder addSource(String v) {
      if (!sources.contains(v)) sources.add(v);
      return this;
    }

    public Builder firstSeen(Instant v) {
      firstSeen = v;
      return this;
    }

    /**
     * Builds the paper. Papers without an arXiv id get the id derived from their title, so a
     * listing parsed twice yields the same ids.
     */
    public Paper build() {
      String theId = id != null ? id : (title == null ? null : TitleKey.idFor(title));
      return new Paper(
          theId,
          version,
          title,
          abstractText,
          authors,
          categories,
          published,
          updated,
          doi,
          journalRef,
          comments,
          license,
          links,
          signals,
          sources,
          firstSeen);
    }
  }
}
