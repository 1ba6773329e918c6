/**
 * Who is calling: bearer tokens (JWT, HMAC-SHA256) for the API, a session with form login for the
 * views; both resolve to a {@link dev.stellar.workers.account.Caller} that scopes every service call.
 */
package dev.stellar.ui.security;
