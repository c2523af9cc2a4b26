package org.commitmenttracker.query.feed;

import org.commitmenttracker.service.web.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedFilterTest {

    @Test
    void typesMayBeListedWithCommasOrRepeated() {
        FeedFilter filter = FeedFilter.of(List.of("FundsDisbursed,FundsPledged", "MilestoneSet"), "us-mx-2021-hled");

        assertThat(filter.types()).containsExactlyInAnyOrder("FundsDisbursed", "FundsPledged", "MilestoneSet");
        assertThat(filter.matches(event("FundsPledged", "us-mx-2021-hled"))).isTrue();
        assertThat(filter.matches(event("FundsPledged", "us-mx-2021-disappearances"))).isFalse();
        assertThat(filter.matches(event("CommitmentAnnounced", "us-mx-2021-hled"))).isFalse();
        assertThat(FeedFilter.of(null, null).matches(event("CommitmentAnnounced", "x-1"))).isTrue();
    }

    @Test
    void anUnknownTypeOrAMalformedCommitmentIdIsRefused() {
        assertThatThrownBy(() -> FeedFilter.of(List.of("FundsDisbursed,FundsDisbursd"), null))
                .isInstanceOf(ApiException.class).hasMessageContaining("FundsDisbursd");
        assertThatThrownBy(() -> FeedFilter.of(null, "Not A Slug")).isInstanceOf(ApiException.class);
    }

    private static FeedEvent event(String type, String commitmentId) {
        return new FeedEvent(1, "e", commitmentId, 1, type, "1", Instant.EPOCH, "{}", null);
    }
}
