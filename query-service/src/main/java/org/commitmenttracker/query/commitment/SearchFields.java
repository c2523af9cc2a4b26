package org.commitmenttracker.query.commitment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.commitmenttracker.query.commitment.CommitmentDetail.Agreement;
import org.commitmenttracker.query.commitment.CommitmentDetail.Dialogue;
import org.commitmenttracker.query.commitment.CommitmentDetail.Evidence;
import org.commitmenttracker.query.commitment.CommitmentDetail.Milestone;
import org.commitmenttracker.query.funding.FundingLedger.Entry;

/**
 * What the text search of the list reads in a commitment: the commitment's own words and those
 * of its children, each field named so that a result can say which child matched. Written with
 * each row from the fold ({@code search_fields}, and their text joined in {@code search_text}
 * from which a trigger builds the accent- and case-insensitive {@code search} vector).
 */
public final class SearchFields {

    /** One searchable field: of the commitment itself ({@code kind} COMMITMENT, its id) or of a child. */
    public record Field(String kind, String id, String field, String text) {
    }

    private SearchFields() {
    }

    public static List<Field> of(FoldedCommitment state) {
        List<Field> fields = new ArrayList<>();
        add(fields, "COMMITMENT", state.id(), "title", state.title());
        add(fields, "COMMITMENT", state.id(), "summary", state.summary());
        if (state.source() != null) {
            add(fields, "COMMITMENT", state.id(), "source", state.source().title());
        }
        for (Dialogue d : state.dialogues().dialogues()) {
            add(fields, "DIALOGUE", d.dialogueId(), "name", d.name());
            add(fields, "DIALOGUE", d.dialogueId(), "location", d.location());
            add(fields, "DIALOGUE", d.dialogueId(), "outcomes", String.join(" ", d.outcomes()));
        }
        for (Agreement a : state.progress().agreements()) {
            add(fields, "AGREEMENT", a.agreementId(), "title", a.title());
            add(fields, "AGREEMENT", a.agreementId(), "signatories", String.join(" ", a.signatories()));
        }
        for (Evidence e : state.progress().evidence()) {
            add(fields, "EVIDENCE", e.evidenceId(), "title", e.title());
        }
        for (Milestone m : state.progress().milestones()) {
            add(fields, "MILESTONE", m.milestoneId(), "description", m.description());
        }
        // Each counterpart and reference once, named by the first entry that carried it: a
        // thousand disbursements to one recipient leave the search columns as they were, so the
        // row's update neither recomputes the vector nor writes the text index again.
        Set<Field> seen = new HashSet<>(); // their kind, field and text, without the entry's id
        for (Entry entry : state.funding().entries()) {
            String kind = entry.kind().name();
            String counterpart = switch (entry.kind()) {
                case PLEDGE -> "fundingSource";
                case OBLIGATION, DEOBLIGATION -> "implementingPartner";
                case DISBURSEMENT, REVERSAL -> "recipient";
                case PLEDGE_REVISION -> null;
            };
            addOnce(fields, seen, kind, entry.id(), "reference", entry.reference());
            if (counterpart != null) {
                addOnce(fields, seen, kind, entry.id(), counterpart, entry.counterpart());
            }
        }
        return fields.stream().distinct().toList();
    }

    /** The text of all fields, for the search vector. */
    public static String text(List<Field> fields) {
        StringBuilder text = new StringBuilder();
        for (Field field : fields) {
            text.append(field.text()).append(' ');
        }
        return text.toString().strip();
    }

    private static void add(List<Field> fields, String kind, String id, String field, String text) {
        if (text != null && !text.isBlank()) {
            fields.add(new Field(kind, id, field, text));
        }
    }

    /** Adds the field unless one of the same kind, name and text was added before. */
    private static void addOnce(List<Field> fields, Set<Field> seen, String kind, String id, String field, String text) {
        if (text != null && !text.isBlank() && seen.add(new Field(kind, null, field, text))) {
            fields.add(new Field(kind, id, field, text));
        }
    }
}
