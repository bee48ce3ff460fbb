/**
 * The daily digest: subscriptions, planning each reader's email (alerts, personal picks, trending;
 * never a paper twice), rendering it, and a durable outbox in SQL that SMTP drains with retries.
 * {@link org.paperboy.digest.DigestService} is the entry point for the CLI, the web app and the
 * scheduler in {@code serve}; it coordinates subscriptions ({@code SubscriptionDesk}), planning
 * ({@code DigestPlanner} and its parts) and delivery ({@code DueDigests}, {@code DigestSender}).
 * docs/digest.md maps the classes.
 */
package org.paperboy.digest;
