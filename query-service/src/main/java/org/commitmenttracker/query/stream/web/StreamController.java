package org.commitmenttracker.query.stream.web;

import jakarta.validation.constraints.Min;
import org.commitmenttracker.query.feed.FeedFilter;
import org.commitmenttracker.query.stream.FeedStream;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

@RestController
class StreamController {

    private final FeedStream stream;

    StreamController(FeedStream stream) {
        this.stream = stream;
    }

    /**
     * The feed as Server-Sent Events: {@code id} is the position, {@code event} the event name,
     * {@code data} the CloudEvent. A reconnecting client's {@code Last-Event-ID} wins over {@code after}.
     */
    @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) @Min(0) Long after,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(required = false) List<String> types,
                      @RequestParam(required = false) String commitmentId) {
        FeedFilter filter = FeedFilter.of(types, commitmentId);
        return stream.open(filter, lastEventId != null ? position(lastEventId) : after == null ? 0 : after);
    }

    private static long position(String lastEventId) {
        try {
            long position = Long.parseLong(lastEventId.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("Last-Event-ID must be a feed position (a whole number, 0 or more).");
    }
}
