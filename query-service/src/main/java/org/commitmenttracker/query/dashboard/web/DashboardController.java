package org.commitmenttracker.query.dashboard.web;

import java.time.Clock;
import java.time.LocalDate;
import org.commitmenttracker.query.dashboard.Dashboard;
import jakarta.validation.Valid;
import org.commitmenttracker.query.commitment.web.CommitmentFilterParams;
import org.commitmenttracker.query.dashboard.DashboardReadModel;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DashboardController {

    private final DashboardReadModel dashboard;
    private final Clock clock;

    DashboardController(DashboardReadModel dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    /** The figures of the commitments the filters select (all by default), as the list selects them. */
    @GetMapping(path = "/api/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    Dashboard dashboard(@Valid CommitmentFilterParams filter) {
        return dashboard.dashboard(filter.toFilter(), LocalDate.now(clock));
    }
}
