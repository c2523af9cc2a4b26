package org.commitmenttracker.command.commitment.web;

import jakarta.validation.Valid;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.command.messaging.CommandResult;
import org.commitmenttracker.command.messaging.CommandSender;
import org.commitmenttracker.command.web.Answers;
import org.commitmenttracker.service.web.Slug;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/commitments", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class CommitmentController {

    private final CommandSender commands;
    private final Clock clock;

    CommitmentController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CommandResult> announce(@Valid @RequestBody AnnounceRequest request, CommandContext context) {
        String commitmentId = request.id() != null ? request.id() : UUID.randomUUID().toString();
        return Answers.of(commands.send(request.toCommand(commitmentId, today()), request, context,
                "/api/commitments/" + commitmentId));
    }

    @PatchMapping("/{id}")
    ResponseEntity<CommandResult> revise(@PathVariable @Slug String id,
                                         @Valid @RequestBody CommitmentRequests.Revision request, CommandContext context) {
        return Answers.ok(commands.send(request.toCommand(id, today()), request, context));
    }

    @PostMapping("/{id}/fulfil")
    ResponseEntity<CommandResult> fulfil(@PathVariable @Slug String id,
                                         @Valid @RequestBody CommitmentRequests.Fulfilment request, CommandContext context) {
        return Answers.ok(commands.send(request.toCommand(id, today()), request, context));
    }

    @PostMapping("/{id}/withdraw")
    ResponseEntity<CommandResult> withdraw(@PathVariable @Slug String id,
                                           @Valid @RequestBody CommitmentRequests.Withdrawal request,
                                           CommandContext context) {
        return Answers.ok(commands.send(request.toCommand(id, today()), request, context));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
