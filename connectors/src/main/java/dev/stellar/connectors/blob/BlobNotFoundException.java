package dev.stellar.connectors.blob;

public class BlobNotFoundException extends RuntimeException {

    public BlobNotFoundException(String reference) {
        super("no stored file for reference " + reference);
    }
}
