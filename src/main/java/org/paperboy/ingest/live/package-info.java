/**
 * Live sources of the ingest step: polite HTTP clients for the arXiv API, arXiv OAI-PMH, arXiv RSS
 * and Hugging Face daily papers. They fetch every page and hand it to the parsers of {@code
 * ingest.formats}; {@link org.paperboy.ingest.live.LiveSources#parse} turns a command-line spec
 * into a source.
 */
package org.paperboy.ingest.live;
