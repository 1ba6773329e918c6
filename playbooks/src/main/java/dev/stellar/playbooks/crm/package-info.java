/**
 * How extracted fields become CRM values: a mapping per CRM connection ({@link dev.stellar.playbooks.crm.CrmMapping},
 * YAML, built-in defaults under {@code crm/}), which record each object is matched by, and the transforms that turn a
 * field's value into the string the CRM's property takes ({@link dev.stellar.playbooks.crm.CrmValues}).
 */
package dev.stellar.playbooks.crm;
