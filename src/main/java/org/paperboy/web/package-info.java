/**
 * Step 7, the web: server-rendered pages, the JSON API and Atom feeds over the same services as the
 * CLI. {@link org.paperboy.web.WebServer} is given those services, its {@link
 * org.paperboy.web.WebSettings} and a clock, and hands each page the few services it uses; {@code
 * Errors} is the one place that maps exceptions to statuses; {@code Html} escapes by default. See
 * docs/web.md.
 */
package org.paperboy.web;
