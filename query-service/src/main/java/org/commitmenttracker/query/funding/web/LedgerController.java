package org.commitmenttracker.query.funding.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.query.commitment.CommitmentReadModel;
import org.commitmenttracker.query.commitment.FoldedCommitment;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.web.MinVersion;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LedgerController {

    private final CommitmentReadModel commitments;
    private final MinVersion minVersion;

    LedgerController(CommitmentReadModel commitments, MinVersion minVersion) {
        this.commitments = commitments;
        this.minVersion = minVersion;
    }

    /** The ledger is a view of the commitment's fold, so it is at the detail's version. */
    @GetMapping(path = "/api/commitments/{id}/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = FundingLedger.class)))
    Object ledger(@PathVariable @Size(max = 80) String id,
                                         @RequestParam(required = false) Long minVersion) {
        return this.minVersion.then(id, minVersion, () -> commitments.version(id), () -> commitments.state(id)
                .map(FoldedCommitment::ledger)
                .orElseThrow(() -> ApiException.notFound("Commitment '" + id + "' does not exist.")));
    }
}
