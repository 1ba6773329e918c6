/** Health of the services Stellar cannot work without. */
package dev.stellar.ui.health;
