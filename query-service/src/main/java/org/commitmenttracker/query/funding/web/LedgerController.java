package org.commitmenttracker.query.funding.web;

import jakarta.validation.constraints.Size;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.funding.LedgerReadModel;
import org.commitmenttracker.query.web.MinVersion;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
@Validated
class LedgerController {

    private final LedgerReadModel ledgers;
    private final MinVersion minVersion;

    LedgerController(LedgerReadModel ledgers, MinVersion minVersion) {
        this.ledgers = ledgers;
        this.minVersion = minVersion;
    }

    /** Waits for the ledger's own version: the detail may be ahead of it or behind. */
    @GetMapping(path = "/api/commitments/{id}/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
    DeferredResult<FundingLedger> ledger(@PathVariable @Size(max = 80) String id,
                                         @RequestParam(required = false) Long minVersion) {
        return this.minVersion.then(id, minVersion, () -> ledgers.version(id), () -> {
            if (ledgers.version(id).isEmpty()) {
                throw ApiException.notFound("Commitment '" + id + "' does not exist.");
            }
            return ledgers.ledger(id);
        });
    }
}
