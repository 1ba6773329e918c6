package dev.stellar.workers.account;

public enum Role {
    /** Manages the organisation: users, teams, roles, secrets. */
    ADMIN,
    /** Configures triggers, sequences, CRM and meeting-platform connections. */
    OPS,
    /** Builds playbooks, reviews calls, coaches. */
    MANAGER,
    /** Sells: approves drafted emails and CRM updates, gets coaching. */
    REP
}
