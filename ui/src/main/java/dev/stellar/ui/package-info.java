/** The web edge: Vaadin views, the REST API, security and health. */
package dev.stellar.ui;
