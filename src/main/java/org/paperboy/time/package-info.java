/**
 * Waiting, made testable: a {@link org.paperboy.time.Sleeper} that tests replace so nothing really
 * sleeps, and the one {@link org.paperboy.time.Pacer} that spaces out requests to arXiv and
 * messages to the mail server.
 */
package org.paperboy.time;
