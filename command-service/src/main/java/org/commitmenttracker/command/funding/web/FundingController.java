package org.commitmenttracker.command.funding.web;

import jakarta.validation.Valid;
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
class FundingController {

    private final CommandSender commands;
    private final Clock clock;

    FundingController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/pledges")
    ResponseEntity<CommandResult> pledge(@PathVariable @Slug String id,
                                         @Valid @RequestBody FundingRequests.Pledge request, CommandContext context) {
        var command = request.toCommand(id, today());
        return Answers.of(commands.send(command, request, context,
                "/api/commitments/" + id + "/pledges/" + command.pledgeId()));
    }

    @PostMapping("/pledges/{pledgeId}/revise")
    ResponseEntity<CommandResult> revisePledge(@PathVariable @Slug String id, @PathVariable @Slug String pledgeId,
                                               @Valid @RequestBody FundingRequests.PledgeRevision request,
                                               CommandContext context) {
        return Answers.ok(commands.send(request.toCommand(id, pledgeId, today()), request, context));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/obligations")
    ResponseEntity<CommandResult> obligate(@PathVariable @Slug String id,
                                           @Valid @RequestBody FundingRequests.Obligation request, CommandContext context) {
        return Answers.of(commands.send(request.toCommand(id, today()), request, context,
                "/api/commitments/" + id + "/obligations/" + request.obligationId()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/disbursements")
    ResponseEntity<CommandResult> disburse(@PathVariable @Slug String id,
                                           @Valid @RequestBody FundingRequests.Disbursement request,
                                           CommandContext context) {
        return Answers.of(commands.send(request.toCommand(id, today()), request, context,
                "/api/commitments/" + id + "/disbursements/" + request.disbursementId()));
    }

    @PostMapping("/disbursements/{disbursementId}/reverse")
    ResponseEntity<CommandResult> reverse(@PathVariable @Slug String id, @PathVariable @Slug String disbursementId,
                                          @Valid @RequestBody FundingRequests.Reversal request, CommandContext context) {
        return Answers.ok(commands.send(request.toCommand(id, disbursementId, today()), request, context));
    }

    @PostMapping("/obligations/{obligationId}/deobligate")
    ResponseEntity<CommandResult> deobligate(@PathVariable @Slug String id, @PathVariable @Slug String obligationId,
                                             @Valid @RequestBody FundingRequests.Deobligation request,
                                             CommandContext context) {
        return Answers.ok(commands.send(request.toCommand(id, obligationId, today()), request, context));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
