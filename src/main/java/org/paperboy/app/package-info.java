/**
 * Wiring: {@link org.paperboy.app.Paperboy} builds the object graph from a {@link
 * org.paperboy.app.Config}, starts it in data-flow order and closes it in reverse.
 */
package org.paperboy.app;
