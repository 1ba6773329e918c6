/**
 * Connections to meeting platforms, per organisation, managed by ADMIN and OPS: settings, secrets encrypted at rest, and
 * the random key in each connection's webhook URL. {@link dev.stellar.workers.connection.ZoomCapture} turns a verified
 * Zoom recording event into a captured meeting whose workflow fetches the transcript
 * ({@link dev.stellar.workers.connection.PlatformFetcher}); the request itself never downloads anything.
 */
package dev.stellar.workers.connection;
