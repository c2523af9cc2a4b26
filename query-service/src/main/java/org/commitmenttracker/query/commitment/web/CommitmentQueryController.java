package org.commitmenttracker.query.commitment.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentReadModel;
import org.commitmenttracker.query.commitment.CommitmentSummary;
import org.commitmenttracker.query.web.MinVersion;
import org.commitmenttracker.query.web.Page;
import org.commitmenttracker.service.web.ApiException;
import org.commitmenttracker.service.web.PlainText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@RequestMapping(path = "/api/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
class CommitmentQueryController {

    private final CommitmentReadModel commitments;
    private final MinVersion minVersion;
    private final Clock clock;

    CommitmentQueryController(CommitmentReadModel commitments, MinVersion minVersion, Clock clock) {
        this.commitments = commitments;
        this.minVersion = minVersion;
        this.clock = clock;
    }

    @GetMapping
    Page<CommitmentSummary> list(@Valid CommitmentFilterParams filter,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return commitments.list(filter.toFilter(), page, size, LocalDate.now(clock));
    }

    /** The stored detail as it is, with {@code overdue} as of today: no parsing and writing again per read. */
    @GetMapping("/{id}")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = CommitmentDetail.class)))
    Object detail(@PathVariable @Size(max = 80) String id,
                                                  @RequestParam(required = false) Long minVersion) {
        return this.minVersion.then(id, minVersion, () -> commitments.version(id), () -> {
            CommitmentReadModel.DetailJson detail = commitments.detailJson(id, LocalDate.now(clock))
                    .orElseThrow(() -> ApiException.notFound("Commitment '" + id + "' does not exist."));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag("\"" + detail.version() + "\"")
                    .body(detail.json());
        });
    }
}
