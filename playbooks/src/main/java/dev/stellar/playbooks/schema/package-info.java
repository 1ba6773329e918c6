/**
 * CRM field schemas: which fields an organisation wants from its calls, their types and allowed values.
 * Built-in schemas ship as YAML resources under {@code schemas/}; organisations keep their own in the same format.
 */
package dev.stellar.playbooks.schema;
