-- The change sequence: every change to what a search index holds advances it, in the same
-- transaction as the change, so each index replica follows the store from the last sequence it
-- applied (docs/architecture.md, "Indexes follow the store"). An INSERT or a COPY that omits
-- change_seq gets a fresh value from the DEFAULT; an UPDATE sets it to nextval explicitly.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE SEQUENCE paper_change_seq;

ALTER TABLE papers ADD COLUMN change_seq BIGINT DEFAULT nextval('paper_change_seq');
UPDATE papers SET change_seq = nextval('paper_change_seq') WHERE change_seq IS NULL;
ALTER TABLE papers ALTER COLUMN change_seq SET NOT NULL;
CREATE INDEX papers_change_seq ON papers (change_seq);

-- Papers that ceased to exist as rows (an id-less listing entry merged into its arXiv paper): the
-- index must drop them, and a deleted row leaves no change_seq behind to follow.
CREATE TABLE paper_removals (
  change_seq BIGINT      DEFAULT nextval('paper_change_seq') NOT NULL PRIMARY KEY,
  paper_id   VARCHAR(64) NOT NULL
);
