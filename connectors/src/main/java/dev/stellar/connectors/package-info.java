/** Outside systems, one package each: a port named for the capability and its adapters. */
package dev.stellar.connectors;
