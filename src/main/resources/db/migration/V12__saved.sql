-- Two more signals for a reader's personal picks. Portable SQL: runs on H2 and PostgreSQL.

-- Papers a signed-in reader saved to read later: one row per account and paper. No foreign key to
-- papers, as with votes: a listing entry merged into its arXiv paper must not take the row along.
CREATE TABLE saved_papers (
  account_id BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  paper_id   VARCHAR(64) NOT NULL,
  saved_at   TIMESTAMP   NOT NULL,
  PRIMARY KEY (account_id, paper_id)
);

-- Paper links followed from a digest, through the signed /d/c redirect: the first click only (a
-- repeated click is the same row). Deleting a subscription deletes what it clicked.
CREATE TABLE digest_clicks (
  subscription_id BIGINT      NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
  paper_id        VARCHAR(64) NOT NULL,
  clicked_at      TIMESTAMP   NOT NULL,
  PRIMARY KEY (subscription_id, paper_id)
);
