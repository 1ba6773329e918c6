package dev.stellar.connectors.blob;

/** Content-addressed storage: storing the same bytes twice yields the same reference and one copy. */
public interface BlobStore {

    /**
     * Stores the content under a namespace (one per organisation, so a tenant's files stay together).
     *
     * @return a reference of the form {@code <namespace>/sha256-<hex>}
     */
    String put(String namespace, byte[] content);

    /** @throws BlobNotFoundException when nothing is stored under the reference */
    byte[] get(String reference);
}
