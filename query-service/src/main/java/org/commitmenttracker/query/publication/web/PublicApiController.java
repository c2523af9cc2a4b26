package org.commitmenttracker.query.publication.web;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentReadModel.DetailJson;
import org.commitmenttracker.query.commitment.web.CommitmentFilterParams;
import org.commitmenttracker.query.commitment.CommitmentSummary;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.publication.PublishedCommitments;
import org.commitmenttracker.query.timeline.TimelineEntry;
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
import java.util.List;

/** The logged-in reads of api.md for anyone, over the published commitments only. */
@RestController
@RequestMapping(path = "/public/api/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
class PublicApiController {

    private final PublishedCommitments published;
    private final Clock clock;

    PublicApiController(PublishedCommitments published, Clock clock) {
        this.published = published;
        this.clock = clock;
    }

    @GetMapping
    Page<CommitmentSummary> list(@Valid CommitmentFilterParams filter,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return published.page(filter.toFilter(), page, size, LocalDate.now(clock));
    }

    @GetMapping("/{id}")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = CommitmentDetail.class)))
    ResponseEntity<String> detail(@PathVariable @Size(max = 80) String id) {
        DetailJson detail = published.detailJson(id, LocalDate.now(clock)).orElseThrow(() -> notPublished(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(detail.json());
    }

    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable @Size(max = 80) String id) {
        return published.timeline(id).orElseThrow(() -> notPublished(id));
    }

    @GetMapping("/{id}/ledger")
    FundingLedger ledger(@PathVariable @Size(max = 80) String id) {
        return published.ledger(id).orElseThrow(() -> notPublished(id));
    }

    /** An unpublished commitment is not told apart from an unknown one. */
    static ApiException notPublished(String id) {
        return ApiException.notFound("No published commitment '" + id + "'.");
    }
}
