/**
 * Step 4 of the data flow: the Lucene index (BM25 + HNSW vectors), the query syntax, acronyms mined
 * from the corpus, rank fusion and the evaluation harness. {@link
 * org.paperboy.search.SearchService} is the one entry point the app, web and CLI use.
 */
package org.paperboy.search;
