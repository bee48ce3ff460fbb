/**
 * Step 3 of the data flow: sentence embeddings with bge-small-en-v1.5 (int8 ONNX) run locally on
 * ONNX Runtime, and a cache of the vectors in the SQL store keyed by content hash and model, so
 * that nothing is embedded twice. {@link org.paperboy.embed.Embedder} is what search codes against.
 */
package org.paperboy.embed;
