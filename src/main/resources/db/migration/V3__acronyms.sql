-- Acronym definitions mined from papers ("Multimodal Large Language Models (MLLMs)"), one row per
-- paper and reading, so re-ingesting a paper replaces its rows and counts stay exact (a count is
-- the number of papers that define the acronym that way). Portable SQL: runs on H2 and PostgreSQL.
CREATE TABLE acronym_definitions (
  paper_id   VARCHAR(64)  NOT NULL,
  short_form VARCHAR(32)  NOT NULL,
  long_form  VARCHAR(300) NOT NULL,
  PRIMARY KEY (paper_id, short_form, long_form)
);

CREATE INDEX acronym_definitions_short_form ON acronym_definitions (short_form);
