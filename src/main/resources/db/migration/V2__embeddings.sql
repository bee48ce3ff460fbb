-- Sentence vectors, cached by content so that nothing is embedded twice: a re-index or a re-run
-- of an evaluation reads them back instead of running the model. content_hash is the hex SHA-256
-- of the model name, the side (document or query) and the exact text; vector holds dims float32
-- values, little-endian. Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE embeddings (
  content_hash VARCHAR(64)  NOT NULL,
  model        VARCHAR(100) NOT NULL,
  dims         INTEGER      NOT NULL,
  vector       BYTEA        NOT NULL,
  PRIMARY KEY (content_hash, model)
);
