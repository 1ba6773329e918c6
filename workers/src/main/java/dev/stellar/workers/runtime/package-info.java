/**
 * How Stellar runs: the embedded default (PostgreSQL binaries and the Temporal service in-process,
 * everything under one data directory) or real services by configuration, and which roles
 * (web, worker) this process plays.
 */
package dev.stellar.workers.runtime;
