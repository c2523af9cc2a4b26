package org.commitmenttracker.command.funding.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.command.funding.DeobligateFunds;
import org.commitmenttracker.command.funding.DisburseFunds;
import org.commitmenttracker.command.funding.ObligateFunds;
import org.commitmenttracker.command.funding.PledgeFunds;
import org.commitmenttracker.command.funding.ReverseDisbursement;
import org.commitmenttracker.command.funding.RevisePledge;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.service.web.PlainText;
import org.commitmenttracker.service.web.Slug;

import java.time.LocalDate;
import java.util.UUID;

/** The bodies of the funding endpoints (api.md), validated before any command is sent. */
final class FundingRequests {

    private FundingRequests() {
    }

    record Pledge(@Slug String pledgeId, @NotNull @Valid Money amount, @NotNull LocalDate periodFrom,
                  @NotNull LocalDate periodTo, @NotBlank @Size(max = 300) @PlainText String fundingSource,
                  LocalDate occurredOn, @Reference String reference) {
        PledgeFunds toCommand(String commitmentId, LocalDate today) {
            return new PledgeFunds(commitmentId, pledgeId != null ? pledgeId : UUID.randomUUID().toString(), amount,
                    periodFrom, periodTo, fundingSource, occurredOn, reference, today);
        }
    }

    record PledgeRevision(@NotNull @Valid Money newAmount, @NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason,
                          LocalDate occurredOn, @Reference String reference) {
        RevisePledge toCommand(String commitmentId, String pledgeId, LocalDate today) {
            return new RevisePledge(commitmentId, pledgeId, newAmount, reason, occurredOn, reference, today);
        }
    }

    /** The obligation id is the award number: the caller's accounting reference. */
    record Obligation(@NotNull @Slug String obligationId, @NotNull @Valid Money amount, @NotNull LocalDate obligatedOn,
                      @NotBlank @Size(max = 300) @PlainText String implementingPartner, @Reference String reference) {
        ObligateFunds toCommand(String commitmentId, LocalDate today) {
            return new ObligateFunds(commitmentId, obligationId, amount, obligatedOn, implementingPartner, reference,
                    today);
        }
    }

    /** The disbursement id is the voucher number: the caller's accounting reference. */
    record Disbursement(@NotNull @Slug String disbursementId, @NotNull @Valid Money amount,
                        @NotNull LocalDate disbursedOn, @NotBlank @Size(max = 300) @PlainText String recipient,
                        @Slug String obligationId, @Size(max = 5000) @PlainText(multiline = true) String note,
                        @Reference String reference) {
        DisburseFunds toCommand(String commitmentId, LocalDate today) {
            return new DisburseFunds(commitmentId, disbursementId, amount, disbursedOn, recipient, obligationId, note,
                    reference, today);
        }
    }

    record Reversal(@NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason, @NotNull LocalDate reversedOn,
                    @Reference String reference) {
        ReverseDisbursement toCommand(String commitmentId, String disbursementId, LocalDate today) {
            return new ReverseDisbursement(commitmentId, disbursementId, reason, reversedOn, reference, today);
        }
    }

    /** Unspent obligated money released; never more than the obligation's undisbursed remainder. */
    record Deobligation(@Slug String deobligationId, @NotNull @Valid Money amount, @NotNull LocalDate deobligatedOn,
                        @NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason,
                        @Reference String reference) {
        DeobligateFunds toCommand(String commitmentId, String obligationId, LocalDate today) {
            return new DeobligateFunds(commitmentId, deobligationId != null ? deobligationId
                    : UUID.randomUUID().toString(), obligationId, amount, deobligatedOn, reason, reference, today);
        }
    }
}
