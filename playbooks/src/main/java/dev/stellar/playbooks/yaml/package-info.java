/** YAML documents of selling know-how (field schemas, sequences): strict reading with the line and field of every error. */
package dev.stellar.playbooks.yaml;
