package org.commitmenttracker.query.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.Facts;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** What of a commitment's funding the text search reads: each counterpart and reference once. */
class SearchFieldsTest {

    private static final String ID = "c-search";

    @Test
    void aRecipientPaidTwiceIsOneFieldNamedByItsFirstDisbursement() {
        List<SearchFields.Field> fields = SearchFields.of(fold(Facts.laborAnnounced(ID), Facts.pledged(ID, "100.00"),
                Facts.disbursed(ID, "first", "10.00", LocalDate.of(2021, 8, 1)),
                Facts.disbursed(ID, "second", "10.00", LocalDate.of(2021, 9, 1))));

        assertThat(fields).filteredOn(field -> field.kind().equals("DISBURSEMENT")).containsExactly(
                new SearchFields.Field("DISBURSEMENT", "first", "recipient", "ILO"));
    }

    @Test
    void aSecondRecipientIsAFieldOfItsOwn() {
        List<SearchFields.Field> fields = SearchFields.of(fold(Facts.laborAnnounced(ID), Facts.pledged(ID, "100.00"),
                Facts.disbursed(ID, "first", "10.00", LocalDate.of(2021, 8, 1)),
                Facts.obligated(ID, "award", "50.00", LocalDate.of(2021, 9, 1))));

        assertThat(fields).extracting(SearchFields.Field::kind, SearchFields.Field::id, SearchFields.Field::field)
                .contains(Tuple.tuple("DISBURSEMENT", "first", "recipient"),
                        Tuple.tuple("OBLIGATION", "award", "implementingPartner"));
    }

    private static FoldedCommitment fold(CommitmentEvent... events) {
        FoldedCommitment state = null;
        for (int i = 0; i < events.length; i++) {
            state = CommitmentFold.evolve(state, events[i], i + 1);
        }
        return state;
    }
}
