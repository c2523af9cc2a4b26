package org.commitmenttracker.command.dialogue.web;

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
@RequestMapping(path = "/api/commitments/{id}/dialogues", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class DialogueController {

    private final CommandSender commands;
    private final Clock clock;

    DialogueController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CommandResult> schedule(@PathVariable @Slug String id,
                                           @Valid @RequestBody DialogueRequests.Schedule request, CommandContext context) {
        var command = request.toCommand(id, today());
        return Answers.of(commands.send(command, request, context,
                "/api/commitments/" + id + "/dialogues/" + command.dialogueId()));
    }

    @PostMapping("/{dialogueId}/reschedule")
    ResponseEntity<CommandResult> reschedule(@PathVariable @Slug String id, @PathVariable @Slug String dialogueId,
                                             @Valid @RequestBody DialogueRequests.Reschedule request,
                                             CommandContext context) {
        return Answers.ok(commands.send(request.toCommand(id, dialogueId, today()), request, context));
    }

    @PostMapping("/{dialogueId}/mark-held")
    ResponseEntity<CommandResult> markHeld(@PathVariable @Slug String id, @PathVariable @Slug String dialogueId,
                                           @Valid @RequestBody DialogueRequests.Held request, CommandContext context) {
        return Answers.ok(commands.send(request.toCommand(id, dialogueId, today()), request, context));
    }

    @PostMapping("/{dialogueId}/cancel")
    ResponseEntity<CommandResult> cancel(@PathVariable @Slug String id, @PathVariable @Slug String dialogueId,
                                         @Valid @RequestBody DialogueRequests.Cancel request, CommandContext context) {
        return Answers.ok(commands.send(request.toCommand(id, dialogueId, today()), request, context));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
