package org.commitmenttracker.query.dialogue.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.commitmenttracker.query.dialogue.CalendarEntry;
import org.commitmenttracker.query.dialogue.DialogueCalendar;
import org.commitmenttracker.query.dialogue.DialogueCalendar.Filter;
import org.commitmenttracker.query.web.Page;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DialogueCalendarController {

    private final DialogueCalendar calendar;

    DialogueCalendarController(DialogueCalendar calendar) {
        this.calendar = calendar;
    }

    /** Dialogues whose held day or planned window meets {@code from..to}, earliest first. */
    @GetMapping(path = "/api/dialogues", produces = MediaType.APPLICATION_JSON_VALUE)
    Page<CalendarEntry> calendar(@RequestParam(required = false) LocalDate from,
                                 @RequestParam(required = false) LocalDate to,
                                 @RequestParam(required = false) @Pattern(regexp = "SCHEDULED|HELD|CANCELLED") String status,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("'to' must not be before 'from'.");
        }
        return calendar.calendar(new Filter(from, to, status), page, size);
    }
}
