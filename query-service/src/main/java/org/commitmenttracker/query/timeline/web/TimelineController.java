package org.commitmenttracker.query.timeline.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.commitmenttracker.query.timeline.TimelineEntry;
import org.commitmenttracker.query.timeline.TimelineReadModel;
import org.commitmenttracker.query.web.MinVersion;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TimelineController {

    private final TimelineReadModel timeline;
    private final MinVersion minVersion;

    TimelineController(TimelineReadModel timeline, MinVersion minVersion) {
        this.timeline = timeline;
        this.minVersion = minVersion;
    }

    /** Waits for the timeline's own version: the detail may be ahead of it or behind. */
    @GetMapping(path = "/api/commitments/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = TimelineEntry.class))))
    Object timeline(@PathVariable @Size(max = 80) String id,
                                                 @RequestParam(required = false) Long minVersion) {
        return this.minVersion.then(id, minVersion, () -> timeline.version(id), () -> {
            if (timeline.version(id).isEmpty()) {
                throw ApiException.notFound("Commitment '" + id + "' does not exist.");
            }
            return timeline.timeline(id);
        });
    }
}
