/** Organisations (tenants), teams, users and their roles; sign-up and credential checks. */
package dev.stellar.workers.account;
