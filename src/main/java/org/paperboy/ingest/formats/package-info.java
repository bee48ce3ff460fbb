/**
 * One {@link org.paperboy.ingest.formats.FeedParser} per feed {@link
 * org.paperboy.ingest.formats.Format}: each reads its format's raw fields into a {@link
 * org.paperboy.ingest.RecordSink} and validates nothing; the pipeline checks and cleans in one
 * place.
 */
package org.paperboy.ingest.formats;
