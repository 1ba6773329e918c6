/** Small helpers shared by the JDBC stores of the feature packages. */
package dev.stellar.workers.persistence;
