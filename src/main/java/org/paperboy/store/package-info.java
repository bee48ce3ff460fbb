/**
 * Step 2 of the data flow: the SQL store, the source of truth (H2 file by default, PostgreSQL for
 * production). Schema in {@code db/migration}; SQL in the repository classes, through JDBI.
 */
package org.paperboy.store;
