/** The REST API under {@code /api}: JSON in and out, errors as RFC 9457 problem details. */
package dev.stellar.ui.api;
