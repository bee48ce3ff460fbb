/**
 * Passwordless accounts: sign-in by magic link (HMAC-signed, expiring, single use), sessions, and
 * rate limits on link requests. {@link org.paperboy.account.AccountService} is the entry point.
 */
package org.paperboy.account;
