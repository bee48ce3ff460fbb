/**
 * Step 1 of the data flow: feeds in, clean {@link org.paperboy.paper.Paper} records out. {@link
 * org.paperboy.ingest.IngestService} opens a {@link org.paperboy.ingest.FeedFile}, picks the parser
 * of its format ({@code formats}), and the {@link org.paperboy.ingest.BatchWriter} validates,
 * normalises ({@code text}), de-duplicates and upserts in batches. {@code live} fetches from the
 * web.
 */
package org.paperboy.ingest;
