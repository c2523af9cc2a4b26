package org.commitmenttracker.query.publication.web;

import org.commitmenttracker.query.commitment.CommitmentFilter;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.publication.PublicationProperties;
import org.commitmenttracker.query.publication.PublishedCommitments;
import org.commitmenttracker.query.publication.iati.IatiActivityFile;
import org.commitmenttracker.query.publication.iati.IatiActivityFile.Activity;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code /public/iati/activities.xml}: every published commitment as an IATI 2.03 activity. */
@RestController
class PublicIatiController {

    private final PublishedCommitments published;
    private final IatiActivityFile file;
    private final Clock clock;

    PublicIatiController(PublishedCommitments published, PublicationProperties properties, Clock clock) {
        this.published = published;
        this.file = new IatiActivityFile(properties.iati());
        this.clock = clock;
    }

    @GetMapping(path = "/public/iati/activities.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> activities() {
        LocalDate today = LocalDate.now(clock);
        List<Activity> activities = new ArrayList<>();
        for (var summary : published.all(CommitmentFilter.ANY, today)) {
            published.detail(summary.id(), today).ifPresent(detail -> activities.add(new Activity(detail,
                    published.ledger(summary.id()).orElseGet(() -> FundingLedger.of(List.of())))));
        }
        StringWriter xml = new StringWriter();
        file.write(activities, xml);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_XML, java.nio.charset.StandardCharsets.UTF_8))
                .body(xml.toString());
    }
}
