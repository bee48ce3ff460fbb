-- A digest run asks once which of the day's papers each reader was already sent: by paper, for
-- all readers at once (the primary key starts with the subscription, so it cannot answer that).
CREATE INDEX sent_papers_by_paper ON sent_papers (paper_id);
