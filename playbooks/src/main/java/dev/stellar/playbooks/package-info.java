/** Selling know-how as data and pure logic. No Spring, no I/O beyond this module's resources. */
package dev.stellar.playbooks;
