/**
 * Streaming XML for the feed parsers: {@link org.paperboy.ingest.xml.XmlRecordSplitter} cuts a feed
 * of any size into one small chunk per record, so one malformed record is rejected alone and the
 * rest of the feed is still read; the helpers read those chunks with StAX.
 */
package org.paperboy.ingest.xml;
