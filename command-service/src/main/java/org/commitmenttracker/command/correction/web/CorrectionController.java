package org.commitmenttracker.command.correction.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import org.commitmenttracker.command.correction.CorrectFact;
import org.commitmenttracker.command.correction.RetractFact;
import org.commitmenttracker.command.funding.web.Reference;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.command.messaging.CommandResult;
import org.commitmenttracker.command.messaging.CommandSender;
import org.commitmenttracker.command.web.Answers;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.events.Nullable;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.service.web.ApiException;
import org.commitmenttracker.service.web.Slug;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

/** Putting a wrong fact right (domain.md "Corrections"): a correction or a retraction, answered 200. */
@RestController
@RequestMapping(path = "/api/commitments/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class CorrectionController {

    private final CommandSender commands;
    private final ObjectMapper json;
    private final Clock clock;

    CorrectionController(CommandSender commands, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/corrections")
    ResponseEntity<CommandResult> correct(@PathVariable @Slug String id,
                                          @Valid @RequestBody CorrectionRequests.Correction request,
                                          CommandContext context) {
        CommitmentEvent content = content(id, request);
        return Answers.ok(commands.send(new CorrectFact(id, request.factKind(), request.factId(), content,
                request.reason(), today()), request, context));
    }

    @PostMapping("/retractions")
    ResponseEntity<CommandResult> retract(@PathVariable @Slug String id,
                                          @Valid @RequestBody CorrectionRequests.Retraction request,
                                          CommandContext context) {
        String factType = EventTypes.name(eventType(request.factKind(), request.factType()));
        return Answers.ok(commands.send(new RetractFact(id, request.factKind(), request.factId(), factType,
                request.reason(), today()), request, context));
    }

    /** The content as the typed event of its fact type: the commitment from the path, every required field set. */
    private CommitmentEvent content(String commitmentId, CorrectionRequests.Correction request) {
        Class<? extends CommitmentEvent> type = eventType(request.factKind(), request.factType());
        ObjectNode content = request.content().deepCopy();
        JsonNode given = content.get("commitmentId");
        if (given != null && !given.isNull() && !commitmentId.equals(given.asText())) {
            throw ApiException.badRequest("content.commitmentId must be the commitment of the path, '" + commitmentId
                    + "', or left out.");
        }
        content.put("commitmentId", commitmentId);
        JsonNode reference = content.get("reference");
        if (reference != null && !reference.isNull() && !reference.asText().matches(Reference.PATTERN)) {
            throw ApiException.badRequest("content.reference must be 1 to 100 letters, digits, spaces or any of -/._:#.");
        }
        CommitmentEvent event;
        try {
            event = json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).treeToValue(content,
                    type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(segment -> segment.getFieldName() != null
                    ? segment.getFieldName() : "[" + segment.getIndex() + "]").collect(Collectors.joining("."));
            throw ApiException.badRequest("content is not a valid " + EventTypes.name(type)
                    + (field.isEmpty() ? "" : ": field content." + field + " is unknown or malformed") + ".");
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ApiException.badRequest("content is not a valid " + EventTypes.name(type) + ".");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Object value = value(component, event);
            if (value == null && component.getAnnotation(Nullable.class) == null) {
                throw ApiException.badRequest("content." + component.getName() + " is required for a "
                        + EventTypes.name(type) + ".");
            }
            if (value instanceof String text && component.getName().endsWith("Id") && !text.matches(Slug.PATTERN)) {
                throw ApiException.badRequest("content." + component.getName() + " must be 3 to 80 lower-case "
                        + "letters, digits or hyphens.");
            }
        }
        return event;
    }

    private static Class<? extends CommitmentEvent> eventType(FactKind kind, String factType) {
        if (factType == null) {
            return kind.originatingType();
        }
        return kind.eventType(factType).orElseThrow(() -> ApiException.badRequest("A " + kind.json()
                + " is recorded by " + kind.eventTypes().stream().map(EventTypes::name).toList() + ", not "
                + factType + "."));
    }

    private static Object value(RecordComponent component, CommitmentEvent event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
