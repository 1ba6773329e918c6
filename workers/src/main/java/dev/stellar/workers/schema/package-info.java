/**
 * Field schemas per organisation: the built-in ones, an organisation's own (versioned, edited by OPS and ADMIN), and
 * its default. A meeting records the schema and version it was analysed with.
 */
package dev.stellar.workers.schema;
