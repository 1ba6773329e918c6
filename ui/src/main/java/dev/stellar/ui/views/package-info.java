/** Vaadin views. Thin: each talks to one feature service and formats what it returns. */
package dev.stellar.ui.views;
