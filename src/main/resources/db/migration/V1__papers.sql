-- Papers, one row per paper after merging all sources. List-valued fields are stored as text
-- (authors and keywords one per line, categories and sources space separated): they are always
-- read whole, and one row per paper keeps bulk ingest fast. Portable SQL: runs on H2 and PostgreSQL.
CREATE TABLE papers (
  id               VARCHAR(64)    NOT NULL PRIMARY KEY,
  version          INTEGER        NOT NULL,
  title            VARCHAR(2000)  NOT NULL,
  title_hash       VARCHAR(16)    NOT NULL,
  abstract_text    VARCHAR(65536) NOT NULL,
  authors          VARCHAR(65536) NOT NULL,
  categories       VARCHAR(1000)  NOT NULL,
  primary_category VARCHAR(64),
  published        DATE,
  updated          DATE,
  doi              VARCHAR(500),
  journal_ref      VARCHAR(1000),
  comments         VARCHAR(4000),
  license          VARCHAR(500),
  link_abs         VARCHAR(1000),
  link_pdf         VARCHAR(1000),
  link_code        VARCHAR(1000),
  link_project     VARCHAR(1000),
  hf_upvotes       INTEGER,
  github_stars     INTEGER,
  ai_keywords      VARCHAR(4000)  NOT NULL,
  sources          VARCHAR(500)   NOT NULL,
  first_seen       TIMESTAMP      NOT NULL,
  last_changed     TIMESTAMP      NOT NULL
);

-- title_hash: 16 hex digits of the SHA-256 of the normalised title (TitleKey), to join title-only
-- listing entries with their arXiv paper; a short key keeps the index cheap on bulk ingest.
CREATE INDEX papers_title_hash ON papers (title_hash);
CREATE INDEX papers_published ON papers (published);

-- Small facts that must survive restarts, e.g. the last OAI-PMH datestamp harvested per set.
CREATE TABLE ingest_state (
  state_key   VARCHAR(200)  NOT NULL PRIMARY KEY,
  state_value VARCHAR(2000) NOT NULL,
  updated_at  TIMESTAMP     NOT NULL
);
