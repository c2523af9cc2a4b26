package org.commitmenttracker.service.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.commitmenttracker.service.transaction.CommitOutcomeUnknown;
import org.commitmenttracker.service.transaction.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one mapper from failures to {@code application/problem+json}. Spring MVC's own failures
 * (415, 405, 404, unreadable body) come through the base class; ours through {@link ApiException}.
 * Nothing a client sends ends in a 500; whatever does is logged with an id the client sees.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e instanceof RetryLater later) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, later.retryAfter().toSeconds())));
        }
        return answer.body(Problems.of(e.status(), e.title(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongParameterType(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(
                Problems.fieldError(e.getName(), "has an invalid value"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (CommitOutcomeUnknown.in(e) != null) {
            log.warn("Database broke off a commit: {}", e.toString());
            return refused(RetryLater.outcomeUnknown("The database went away while this request's changes were being "
                    + "committed, so they may have been made. Read what it changes before sending it again.", RETRY_AFTER));
        }
        if (DatabaseFailures.isUnreachable(e)) {
            log.warn("Database unreachable: {}", e.toString());
            return refused(RetryLater.busy("The database cannot be reached; nothing was recorded. Try again shortly.",
                    RETRY_AFTER));
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "An unexpected error occurred; quote incident " + incident + " when reporting it.");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(Problems.fieldError(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(Problems.fieldError(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors body) {
                // a @Valid body: its fields by their paths, as MethodArgumentNotValidException names them
                body.getFieldErrors().forEach(error ->
                        errors.add(Problems.fieldError(error.getField(), error.getDefaultMessage())));
                body.getGlobalErrors().forEach(error ->
                        errors.add(Problems.fieldError(error.getObjectName(), error.getDefaultMessage())));
            } else {
                result.getResolvableErrors().forEach(error -> errors.add(Problems.fieldError(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())));
            }
        });
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", tooLarge.getMessage()));
            }
        }
        return ResponseEntity.badRequest().body(unreadable(e.getCause()));
    }

    /** Spring's own detail names the path as a "static resource"; a client asked for an API path. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "Not found", "No resource at this path."));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getTitle() != null) {
            // Spring's own failures (415, 405, 406, 404) keep their status, in our shape.
            body = Problems.of(status, problem.getTitle(), problem.getDetail());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** Says which field was wrong and why, in words a client can use, never a class name. */
    private static ProblemDetail unreadable(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '")) {
                return Problems.invalid(List.of(Problems.fieldError(duplicated(read), "appears more than once in the object")));
            }
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message;
            if (cause instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (cause instanceof StrictJson.Refused refused) {
                message = refused.getOriginalMessage();
            } else if (cause instanceof ValueInstantiationException instantiation && instantiation.getCause() != null
                    && instantiation.getCause().getMessage() != null) {
                message = instantiation.getCause().getMessage();
            } else if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
                message = "has an invalid value or type";
            } else {
                message = "is invalid";
            }
            return Problems.invalid(List.of(Problems.fieldError(field, message)));
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The request body must be one JSON value with nothing after it.");
        }
        if (cause instanceof StreamReadException read && read.getLocation() != null && read.getLocation().getLineNr() > 0) {
            return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "The request body is not valid JSON (line "
                    + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr() + ").");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "The request body is missing or is not valid JSON.");
    }

    /** The path of a key sent twice, such as {@code source.title}, from where the parser stood. */
    private static String duplicated(StreamReadException duplicate) {
        JsonParser parser = duplicate.getProcessor();
        if (parser != null && parser.getParsingContext() != null) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                return Arrays.stream(pointer.substring(1).split("/"))
                        .map(step -> step.replace("~1", "/").replace("~0", "~"))
                        .map(step -> step.chars().allMatch(Character::isDigit) ? "[" + step + "]" : "." + step)
                        .collect(Collectors.joining()).replaceFirst("^\\.", "");
            }
        }
        String message = duplicate.getOriginalMessage();
        return message.substring("Duplicate field '".length(), Math.max(message.lastIndexOf('\''), "Duplicate field '".length()));
    }
}
