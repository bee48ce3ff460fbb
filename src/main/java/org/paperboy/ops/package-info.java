/**
 * The operator's view: {@code paperboy status}, {@code /admin}, {@code /health} and {@code
 * /metrics}, which read the state of the store, the index, the outbox and the scheduler of live
 * sources.
 */
package org.paperboy.ops;
