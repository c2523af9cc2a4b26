package org.commitmenttracker.service.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated principal: the {@code actor} of every fact. Never taken from a request body. */
public final class Actor {

    private Actor() {
    }

    public static String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated principal");
        }
        return authentication.getName();
    }
}
