/** What good looks like in a sales conversation: ranges that metrics are shown against. */
package dev.stellar.playbooks.benchmark;
