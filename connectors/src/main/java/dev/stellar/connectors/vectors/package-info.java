/**
 * Vectors: the embedding model and the vector store, as langchain4j's {@code EmbeddingModel} and
 * {@code EmbeddingStore} ports. By default bge-small-en-v1.5 runs in process and the store is a file under the data
 * directory; with {@code stellar.vectors.qdrant.host} set, chunks go to Qdrant instead.
 */
package dev.stellar.connectors.vectors;
