/**
 * paperboy: a self-hosted research-paper feed. The sub-packages follow the data flow: {@code
 * ingest} parses feeds into {@code paper} records, {@code store} keeps them, {@code embed} and
 * {@code search} make them findable, {@code web} and {@code cli} expose it all, and {@code app}
 * wires it together.
 */
package org.paperboy;
