package org.paperboy.ingest;

/**
 * What a feed page says about the whole result it belongs to. Any field may be null: the arXiv API
 * gives {@code totalResults}; OAI-PMH gives a {@code resumptionToken} (empty when the list is
 * complete) and sometimes {@code completeListSize}.
 */
public record PageInfo(Long totalResults, String resumptionToken, Long completeListSize) {}
