package org.commitmenttracker.query.feed;

import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.service.web.ApiException;
import org.commitmenttracker.service.web.Slug;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which events a reader wants: some event types (empty means all) and at most one commitment. */
public record FeedFilter(Set<String> types, String commitmentId) {

    public static final FeedFilter ALL = new FeedFilter(Set.of(), null);

    public FeedFilter {
        types = Set.copyOf(types);
    }

    /**
     * From request parameters: {@code types} as event names, each parameter value possibly a
     * comma-separated list. Unknown names are refused (400), so a typo never reads as "nothing happened".
     */
    public static FeedFilter of(List<String> types, String commitmentId) {
        Set<String> names = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String value : types == null ? List.<String>of() : types) {
            for (String name : value.split(",")) {
                String trimmed = name.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (EventTypes.byName(trimmed).isPresent()) {
                    names.add(trimmed);
                } else {
                    unknown.add(trimmed.length() > 60 ? trimmed.substring(0, 60) + "..." : trimmed);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("types: unknown event type(s) " + unknown + "; see /api/schemas for the names.");
        }
        if (commitmentId != null && !commitmentId.matches(Slug.PATTERN)) {
            throw ApiException.badRequest("commitmentId: must be 3 to 80 lower-case letters, digits or hyphens.");
        }
        return new FeedFilter(names, commitmentId);
    }

    public boolean matches(FeedEvent event) {
        return (types.isEmpty() || types.contains(event.type()))
                && (commitmentId == null || commitmentId.equals(event.commitmentId()));
    }
}
