package org.commitmenttracker.query.subscription.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.commitmenttracker.query.feed.FeedFilter;
import org.commitmenttracker.query.subscription.DeliveryAttempt;
import org.commitmenttracker.query.subscription.Subscription;
import org.commitmenttracker.query.subscription.Subscriptions;
import org.commitmenttracker.service.security.Actor;
import org.commitmenttracker.service.security.Role;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions. An integrator sees and deletes only its own (another's answers 404,
 * as if it did not exist); an admin sees all.
 */
@RestController
@Validated
@RequestMapping(path = "/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** The answer to a creation: the subscription and, this once, its signing secret. */
    record CreatedSubscription(UUID id, String secret, String url, List<String> types, String commitmentId,
                               long position) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedSubscription> create(@RequestBody @Valid SubscriptionRequest request) {
        FeedFilter filter = FeedFilter.of(request.types(), request.commitmentId());
        Subscriptions.Created created = subscriptions.create(Actor.current(), request.url(), filter, request.after());
        Subscription subscription = created.subscription();
        return ResponseEntity.created(URI.create("/api/subscriptions/" + subscription.id()))
                .body(new CreatedSubscription(subscription.id(), created.secret(), subscription.url(),
                        subscription.types(), subscription.commitmentId(), subscription.position()));
    }

    @GetMapping
    List<Subscription> list() {
        return subscriptions.list(isAdmin() ? null : Actor.current());
    }

    @GetMapping("/{id}")
    Subscription get(@PathVariable UUID id) {
        return visible(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        subscriptions.delete(visible(id).id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    List<DeliveryAttempt> deliveries(@PathVariable UUID id,
                                     @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return subscriptions.attempts(visible(id).id(), limit);
    }

    private Subscription visible(UUID id) {
        return subscriptions.find(id)
                .filter(subscription -> isAdmin() || subscription.owner().equals(Actor.current()))
                .orElseThrow(() -> ApiException.notFound("Subscription '" + id + "' does not exist."));
    }

    private static boolean isAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Role.ADMIN.name()).equals(authority.getAuthority()));
    }
}
