package org.commitmenttracker.query.commitment.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.query.commitment.CommitmentFilter;
import org.commitmenttracker.service.web.PlainText;

/**
 * The query parameters that select commitments, the same for the list and the dashboard:
 * {@code status}, {@code category}, {@code rating}, {@code agency} (part of a lead agency),
 * {@code source} (part of the source's title), {@code party}, {@code overdue} and {@code q}
 * (text in the commitment or its children).
 */
public record CommitmentFilterParams(
        @Pattern(regexp = "ANNOUNCED|IN_PROGRESS|FULFILLED|WITHDRAWN") String status,
        @Pattern(regexp = "[A-Z_]{1,40}") String category,
        @Size(max = 200) @PlainText String agency,
        @Pattern(regexp = "[A-Z_]{1,40}") String rating,
        @Size(max = 200) @PlainText String q,
        @Size(max = 200) @PlainText String source,
        @Size(max = 80) @PlainText String party,
        Boolean overdue) {

    public CommitmentFilter toFilter() {
        return new CommitmentFilter(status, category, blankToNull(agency), rating, blankToNull(q), blankToNull(source),
                blankToNull(party), overdue);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
