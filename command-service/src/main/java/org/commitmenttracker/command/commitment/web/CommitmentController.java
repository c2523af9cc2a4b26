package org.commitmenttracker.command.commitment.web;

import jakarta.validation.Valid;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.command.messaging.CommandResult;
import org.commitmenttracker.command.messaging.CommandSender;
import org.commitmenttracker.command.web.Answers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
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

    @PostMapping
    ResponseEntity<CommandResult> announce(@Valid @RequestBody AnnounceRequest request, CommandContext context) {
        String commitmentId = request.id() != null ? request.id() : UUID.randomUUID().toString();
        CommandResult result = commands.send(request.toCommand(commitmentId, LocalDate.now(clock)), context);
        return Answers.created(URI.create("/api/commitments/" + commitmentId), result);
    }
}
