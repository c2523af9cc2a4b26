package org.commitmenttracker.query.commitment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Source;
import org.commitmenttracker.query.commitment.CommitmentDetail.Status;
import org.commitmenttracker.query.funding.FundingLedger;

/**
 * One commitment as {@link CommitmentFold} folds it: the commitment's own fields and one part per
 * feature. Every read model of a commitment (detail, ledger, calendar, dashboard, state as of a
 * day) is a view of this, never a second fold: {@link #detail()}, {@link #ledger()}.
 */
public record FoldedCommitment(String id, String title, String summary, Category category, List<String> parties,
                               List<String> leadAgencies, LocalDate announcedOn, LocalDate dueBy, Status status,
                               long version, LocalDate lastActivityOn, Source source, FundingPart funding,
                               DialoguePart dialogues, ProgressPart progress) {

    public FoldedCommitment {
        parties = parties == null ? List.of() : List.copyOf(parties);
        leadAgencies = leadAgencies == null ? List.of() : List.copyOf(leadAgencies);
        funding = funding == null ? FundingPart.NONE : funding;
        dialogues = dialogues == null ? DialoguePart.NONE : dialogues;
        progress = progress == null ? ProgressPart.NONE : progress;
    }

    /** The detail, with {@code overdue} false (it depends on the day of reading, see {@link CommitmentDetail#withOverdue}). */
    public CommitmentDetail detail() {
        FundingLedger ledger = funding.ledger();
        return new CommitmentDetail(id, title, summary, category, parties, leadAgencies, announcedOn, dueBy, status,
                false, progress.rating(), version, lastActivityOn, source, FundingPart.funding(ledger),
                funding.pledges(ledger), dialogues.dialogues(), progress.milestones(), progress.indicators(),
                progress.agreements(), progress.evidence());
    }

    /** The same state at another version of the stream (a correction changes the version, not always the facts). */
    public FoldedCommitment atVersion(long atVersion) {
        return new FoldedCommitment(id, title, summary, category, parties, leadAgencies, announcedOn, dueBy, status,
                atVersion, lastActivityOn, source, funding, dialogues, progress);
    }

    /**
     * The same state with {@code entries} as its funding facts: the stored state holds none, its
     * facts are rows of their own ({@link CommitmentReadModel}).
     */
    public FoldedCommitment withFundingEntries(List<FundingLedger.Entry> entries) {
        return new FoldedCommitment(id, title, summary, category, parties, leadAgencies, announcedOn, dueBy, status,
                version, lastActivityOn, source, new FundingPart(entries, funding.pledgeTerms()), dialogues, progress);
    }

    public FundingLedger ledger() {
        return funding.ledger();
    }

    @JsonIgnore
    public boolean isClosed() {
        return status == Status.FULFILLED || status == Status.WITHDRAWN;
    }
}
