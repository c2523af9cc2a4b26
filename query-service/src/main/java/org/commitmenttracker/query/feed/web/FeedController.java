package org.commitmenttracker.query.feed.web;

import io.cloudevents.CloudEvent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedCloudEvents;
import org.commitmenttracker.query.feed.FeedEvent;
import org.commitmenttracker.query.feed.FeedFilter;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
class FeedController {

    private final Feed feed;
    private final FeedCloudEvents cloudEvents;

    FeedController(Feed feed, FeedCloudEvents cloudEvents) {
        this.feed = feed;
        this.cloudEvents = cloudEvents;
    }

    /**
     * A page of the feed: {@code next} is what to pass as {@code after} for the following page,
     * {@code head} the newest position when the page was read.
     */
    record FeedPage(List<CloudEvent> events, long next, long head) {
    }

    @GetMapping
    FeedPage events(@RequestParam(defaultValue = "0") @Min(0) long after,
                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                    @RequestParam(required = false) List<String> types,
                    @RequestParam(required = false) String commitmentId) {
        FeedFilter filter = FeedFilter.of(types, commitmentId);
        long head = feed.head();
        if (after > head) {
            throw ApiException.badRequest("after: " + after + " is beyond the feed's head, " + head
                    + "; pass a position this feed has given (0 for the start).");
        }
        List<FeedEvent> events = feed.after(after, head, limit, filter);
        // A page shorter than the limit has looked at everything up to the head: the next page starts there.
        long next = events.size() < limit ? head : events.get(events.size() - 1).position();
        return new FeedPage(events.stream().map(cloudEvents::toCloudEvent).toList(), next, head);
    }
}
