package org.commitmenttracker.query.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentReadModel;
import org.commitmenttracker.query.commitment.CommitmentReadModel.DetailJson;
import org.commitmenttracker.query.commitment.CommitmentFilter;
import org.commitmenttracker.query.commitment.FoldedCommitment;
import org.commitmenttracker.query.commitment.CommitmentSummary;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.timeline.TimelineEntry;
import org.commitmenttracker.query.timeline.TimelineReadModel;
import org.commitmenttracker.query.web.Page;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The published commitments, read through the read models' own methods: the public side adds no
 * table and no query of its own, so it follows them through rebuilds. Shapes are those of the
 * logged-in reads, which hold nothing about who logged what (actors, correlation ids and
 * idempotency keys live only in the events' metadata).
 */
@Component
@EnableConfigurationProperties(PublicationProperties.class)
public class PublishedCommitments {

    /** The largest page the read model is asked for when walking all commitments. */
    private static final int WALK = 200;

    private final CommitmentReadModel commitments;
    private final TimelineReadModel timelines;
    private final ObjectMapper objectMapper;
    private final List<Pattern> published;
    private final boolean all;

    PublishedCommitments(CommitmentReadModel commitments, TimelineReadModel timelines,
                         ObjectMapper objectMapper, PublicationProperties properties) {
        this.commitments = commitments;
        this.timelines = timelines;
        this.objectMapper = objectMapper;
        this.published = properties.commitments().stream().map(PublishedCommitments::glob).toList();
        this.all = properties.commitments().contains("*");
    }

    public boolean isPublished(String id) {
        return all || published.stream().anyMatch(p -> p.matcher(id).matches());
    }

    /**
     * A page of the published commitments that pass the filter. While everything is published the
     * read model pages; otherwise the matching rows are walked and paged here, as the read model
     * has no filter by id (the published set is small next to what one page walk costs).
     */
    public Page<CommitmentSummary> page(CommitmentFilter filter, int page, int size, LocalDate today) {
        if (all) {
            return commitments.list(filter, page, size, today);
        }
        List<CommitmentSummary> matching = all(filter, today);
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new Page<>(matching.subList(from, to), page, size, matching.size());
    }

    /** Every published commitment that passes the filter, in the list's order. */
    public List<CommitmentSummary> all(CommitmentFilter filter, LocalDate today) {
        List<CommitmentSummary> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<CommitmentSummary> rows = commitments.list(filter, page, WALK, today);
            rows.items().stream().filter(s -> isPublished(s.id())).forEach(found::add);
            if ((long) (page + 1) * WALK >= rows.total() || rows.items().isEmpty()) {
                return found;
            }
        }
    }

    /** The detail's JSON as the logged-in read answers it; empty when unknown or unpublished. */
    public Optional<DetailJson> detailJson(String id, LocalDate today) {
        return isPublished(id) ? commitments.detailJson(id, today) : Optional.empty();
    }

    public Optional<CommitmentDetail> detail(String id, LocalDate today) {
        return detailJson(id, today).map(json -> read(json.json()));
    }

    public Optional<List<TimelineEntry>> timeline(String id) {
        return isPublished(id) && timelines.version(id).isPresent()
                ? Optional.of(timelines.timeline(id)) : Optional.empty();
    }

    public Optional<FundingLedger> ledger(String id) {
        return isPublished(id) ? commitments.state(id).map(FoldedCommitment::ledger) : Optional.empty();
    }

    private CommitmentDetail read(String json) {
        try {
            return objectMapper.readValue(json, CommitmentDetail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable commitment detail", e);
        }
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.trim().split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }
}
