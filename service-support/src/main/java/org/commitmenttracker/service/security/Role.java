package org.commitmenttracker.service.security;

/** The roles of api.md. */
public enum Role {
    OFFICER, AUDITOR, INTEGRATOR, ADMIN
}
