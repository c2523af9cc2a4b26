package org.commitmenttracker.command.commitment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.command.commitment.FulfilCommitment;
import org.commitmenttracker.command.commitment.ReviseCommitment;
import org.commitmenttracker.command.commitment.WithdrawCommitment;
import org.commitmenttracker.service.web.PlainText;

import java.time.LocalDate;
import java.util.List;

/** The bodies of revise, fulfil and withdraw (api.md). */
final class CommitmentRequests {

    private CommitmentRequests() {
    }

    /** Only the fields to change; at least one of them. */
    record Revision(@Size(min = 1, max = 300) @PlainText String title,
                    @Size(min = 1, max = 10_000) @PlainText(multiline = true) String summary,
                    LocalDate dueBy,
                    @Size(max = 50) List<@NotBlank @Size(max = 200) @PlainText String> leadAgencies,
                    @NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason,
                    LocalDate occurredOn) {
        ReviseCommitment toCommand(String commitmentId, LocalDate today) {
            return new ReviseCommitment(commitmentId, title, summary, dueBy,
                    leadAgencies == null ? null : List.copyOf(leadAgencies), reason, occurredOn, today);
        }
    }

    record Fulfilment(@NotNull LocalDate fulfilledOn, @NotBlank @Size(max = 10_000) @PlainText(multiline = true) String summary) {
        FulfilCommitment toCommand(String commitmentId, LocalDate today) {
            return new FulfilCommitment(commitmentId, fulfilledOn, summary, today);
        }
    }

    record Withdrawal(@NotNull LocalDate withdrawnOn, @NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason) {
        WithdrawCommitment toCommand(String commitmentId, LocalDate today) {
            return new WithdrawCommitment(commitmentId, withdrawnOn, reason, today);
        }
    }
}
