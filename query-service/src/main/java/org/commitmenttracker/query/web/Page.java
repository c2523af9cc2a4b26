package org.commitmenttracker.query.web;

import java.util.List;

/** A page of a list across commitments (api.md): {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
