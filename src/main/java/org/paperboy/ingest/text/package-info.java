/**
 * Text cleaning shared by every format: {@link org.paperboy.ingest.text.Normalizer} turns TeX
 * accents, HTML, mojibake and stray whitespace into plain Unicode, and the line readers bound how
 * much one line of an untrusted file may hold.
 */
package org.paperboy.ingest.text;
