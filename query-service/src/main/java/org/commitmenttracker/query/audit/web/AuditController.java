package org.commitmenttracker.query.audit.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.query.audit.AuditTrail;
import org.commitmenttracker.query.audit.CommitmentState;
import org.commitmenttracker.query.audit.HistoryEntry;
import org.commitmenttracker.query.audit.IntegrityReport;
import org.commitmenttracker.query.audit.IntegritySummary;
import org.commitmenttracker.query.web.MinVersion;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * History, state and integrity for auditors (AUDITOR and ADMIN, see QueryWebConfiguration),
 * answered from the event store itself, so {@code ?minVersion=} waits on the store, not on a read model.
 */
@RestController
class AuditController {

    static final String TEXT_CSV = "text/csv";
    // Instants such as year +1000000000 parse, but no calendar date of them can be computed.
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LAST_INSTANT = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);

    private final AuditTrail trail;
    private final MinVersion minVersion;
    private final Clock clock;

    AuditController(AuditTrail trail, MinVersion minVersion, Clock clock) {
        this.trail = trail;
        this.minVersion = minVersion;
        this.clock = clock;
    }

    @GetMapping(path = "/api/commitments/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = HistoryEntry.class))))
    Object history(@PathVariable @Size(max = 80) String id,
                                               @RequestParam(required = false) Long minVersion) {
        return afterVersion(id, minVersion, () -> trail.history(id));
    }

    /** The same history for a spreadsheet: one row per event, as a download. */
    @GetMapping(path = "/api/commitments/{id}/history", produces = TEXT_CSV)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
    Object historyCsv(@PathVariable @Size(max = 80) String id,
                                                      @RequestParam(required = false) Long minVersion) {
        return afterVersion(id, minVersion, () -> {
            byte[] csv = HistoryCsv.write(trail.history(id)).getBytes(StandardCharsets.UTF_8);
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(id + "-history.csv").build().toString())
                    .body(csv);
        });
    }

    @GetMapping(path = "/api/commitments/{id}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = CommitmentState.class)))
    Object state(@PathVariable @Size(max = 80) String id,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                          @RequestParam(required = false) Instant knownAt,
                          @RequestParam(required = false) Long minVersion) {
        if (asOf != null && (asOf.isBefore(FIRST_DAY) || asOf.isAfter(LAST_DAY))
                || knownAt != null && (knownAt.isBefore(FIRST_INSTANT) || knownAt.isAfter(LAST_INSTANT))) {
            throw ApiException.badRequest("asOf and knownAt must lie in the years 1 to 9999.");
        }
        return afterVersion(id, minVersion, () -> trail.state(id, asOf, knownAt, LocalDate.now(clock)));
    }

    @GetMapping(path = "/api/commitments/{id}/integrity", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = IntegrityReport.class)))
    Object integrity(@PathVariable @Size(max = 80) String id,
                                              @RequestParam(required = false) Long minVersion) {
        return afterVersion(id, minVersion, () -> trail.integrity(id));
    }

    @GetMapping(path = "/api/integrity", produces = MediaType.APPLICATION_JSON_VALUE)
    IntegritySummary integrityOfAll() {
        return trail.integrityOfAll();
    }

    private <T> Object afterVersion(String id, Long version, Supplier<T> read) {
        return minVersion.then(id, version, () -> Optional.of(trail.version(id)), read);
    }
}
