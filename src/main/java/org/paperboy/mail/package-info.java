/**
 * Outgoing mail behind one interface, {@link org.paperboy.mail.Mailer}. Without SMTP configured,
 * {@link org.paperboy.mail.OutboxMailer} writes {@code .eml} files to {@code data/outbox/}, which
 * the local web app lists so a local user can click their sign-in link.
 */
package org.paperboy.mail;
