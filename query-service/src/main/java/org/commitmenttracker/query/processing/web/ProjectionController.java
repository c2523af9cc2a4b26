package org.commitmenttracker.query.processing.web;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.commitmenttracker.query.processing.DeadLetterRetry;
import org.commitmenttracker.query.processing.ProjectionOperations;
import org.commitmenttracker.query.processing.ProjectionStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN only (the security rules of the query service): the processors that build the read models. */
@RestController
@RequestMapping(path = "/api/projections", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectionController {

    private final ProjectionOperations operations;

    ProjectionController(ProjectionOperations operations) {
        this.operations = operations;
    }

    @GetMapping
    List<ProjectionStatus> projections() {
        return operations.statuses();
    }

    /** 202: the rebuild runs in the background; {@code GET /api/projections} shows it replaying until done. */
    @PostMapping("/{name}/replay")
    ResponseEntity<Void> replay(@PathVariable @Pattern(regexp = "[a-z][a-z0-9-]{0,99}") String name) {
        operations.replay(name);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{name}/dead-letters/retry")
    DeadLetterRetry retryDeadLetters(@PathVariable @Pattern(regexp = "[a-z][a-z0-9-]{0,99}") String name) {
        return operations.retryDeadLetters(name);
    }
}
