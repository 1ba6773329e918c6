/** The demo organisation of the embedded default, with meetings processed by the real workflow. */
package dev.stellar.workers.demo;
