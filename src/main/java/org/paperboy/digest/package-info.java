/**
 * The daily digest: subscriptions, planning each reader's email (alerts, personal picks, trending;
 * never a paper twice), rendering it, and a durable outbox in SQL that SMTP drains with retries.
 * {@link org.paperboy.digest.DigestService} is the entry point for the CLI, the web app and the
 * scheduler in {@code serve}.
 */
package org.paperboy.digest;
