package org.commitmenttracker.query.feed.web;

import io.cloudevents.CloudEvent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedCloudEvents;
import org.commitmenttracker.query.feed.FeedEvent;
import org.commitmenttracker.query.feed.FeedFilter;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Validated
@RequestMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
class FeedController {

    private final Feed feed;
    private final FeedCloudEvents cloudEvents;

    FeedController(Feed feed, FeedCloudEvents cloudEvents) {
        this.feed = feed;
        this.cloudEvents = cloudEvents;
    }

    /** A page of the feed; {@code next} is what to pass as {@code after} for the following page. */
    record FeedPage(List<CloudEvent> events, long next) {
    }

    @GetMapping
    FeedPage events(@RequestParam(defaultValue = "0") @Min(0) long after,
                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                    @RequestParam(required = false) List<String> types,
                    @RequestParam(required = false) String commitmentId) {
        List<FeedEvent> events = feed.after(after, limit, FeedFilter.of(types, commitmentId));
        long next = events.isEmpty() ? after : events.get(events.size() - 1).position();
        return new FeedPage(events.stream().map(cloudEvents::toCloudEvent).toList(), next);
    }
}
