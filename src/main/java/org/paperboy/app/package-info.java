/**
 * Wiring: {@link org.paperboy.app.Config} reads every {@link org.paperboy.app.Setting} once
 * (defaults, paperboy.toml, environment, flags) into typed per-feature records; {@link
 * org.paperboy.app.Paperboy} builds the object graph from it with constructors and a clock, makes
 * the worker threads, runs {@code serve} ({@link org.paperboy.app.Serving}) and closes everything
 * in reverse.
 */
package org.paperboy.app;
