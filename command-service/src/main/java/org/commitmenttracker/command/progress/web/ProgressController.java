package org.commitmenttracker.command.progress.web;

import jakarta.validation.Valid;
import org.commitmenttracker.command.messaging.CommandAnswer;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.command.messaging.CommandResult;
import org.commitmenttracker.command.messaging.CommandSender;
import org.commitmenttracker.command.web.Answers;
import org.commitmenttracker.service.web.Slug;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@RequestMapping(path = "/api/commitments/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class ProgressController {

    private final CommandSender commands;
    private final Clock clock;

    ProgressController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/milestones")
    ResponseEntity<CommandResult> setMilestone(@PathVariable @Slug String id,
                                               @Valid @RequestBody ProgressRequests.Milestone request,
                                               CommandContext context) {
        var command = request.toCommand(id, today());
        return Answers.of(commands.send(command, request, context,
                "/api/commitments/" + id + "/milestones/" + command.milestoneId()));
    }

    @PostMapping("/milestones/{milestoneId}/mark-achieved")
    ResponseEntity<CommandResult> markAchieved(@PathVariable @Slug String id, @PathVariable @Slug String milestoneId,
                                               @Valid @RequestBody ProgressRequests.Achievement request,
                                               CommandContext context) {
        return Answers.ok(commands.send(request.toCommand(id, milestoneId, today()), request, context));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/indicators")
    ResponseEntity<CommandResult> defineIndicator(@PathVariable @Slug String id,
                                                  @Valid @RequestBody ProgressRequests.Indicator request,
                                                  CommandContext context) {
        var command = request.toCommand(id, today());
        return Answers.of(commands.send(command, request, context,
                "/api/commitments/" + id + "/indicators/" + command.indicatorId()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/indicators/{indicatorId}/measurements")
    ResponseEntity<CommandResult> measure(@PathVariable @Slug String id, @PathVariable @Slug String indicatorId,
                                          @Valid @RequestBody ProgressRequests.Measurement request,
                                          CommandContext context) {
        var command = request.toCommand(id, indicatorId, today());
        return Answers.of(commands.send(command, request, context,
                "/api/commitments/" + id + "/indicators/" + indicatorId + "/measurements/" + command.measurementId()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/agreements")
    ResponseEntity<CommandResult> signAgreement(@PathVariable @Slug String id,
                                                @Valid @RequestBody ProgressRequests.Agreement request,
                                                CommandContext context) {
        var command = request.toCommand(id, today());
        return Answers.of(commands.send(command, request, context,
                "/api/commitments/" + id + "/agreements/" + command.agreementId()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/assessments")
    ResponseEntity<CommandResult> assess(@PathVariable @Slug String id,
                                         @Valid @RequestBody ProgressRequests.Assessment request, CommandContext context) {
        var command = request.toCommand(id, today());
        return Answers.of(commands.send(command, request, context,
                "/api/commitments/" + id + "/assessments/" + command.assessmentId()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/evidence")
    ResponseEntity<CommandResult> attachEvidence(@PathVariable @Slug String id,
                                                 @Valid @RequestBody ProgressRequests.Evidence request,
                                                 CommandContext context) {
        var command = request.toCommand(id, today());
        return Answers.of(commands.send(command, request, context,
                "/api/commitments/" + id + "/evidence/" + command.evidenceId()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
