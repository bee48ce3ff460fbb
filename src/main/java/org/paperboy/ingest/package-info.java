/**
 * Step 1 of the data flow: feeds in, clean {@link org.paperboy.paper.Paper} records out. One {@link
 * org.paperboy.ingest.FeedParser} per {@link org.paperboy.ingest.Format}; the pipeline validates,
 * normalises, de-duplicates and upserts in batches.
 */
package org.paperboy.ingest;
