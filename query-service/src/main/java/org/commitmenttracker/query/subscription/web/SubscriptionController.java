package org.commitmenttracker.query.subscription.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedFilter;
import org.commitmenttracker.query.subscription.DeliveryAttempt;
import org.commitmenttracker.query.subscription.Subscription;
import org.commitmenttracker.query.subscription.Subscriptions;
import org.commitmenttracker.query.subscription.WebhookDispatcher;
import org.commitmenttracker.query.web.Page;
import org.commitmenttracker.service.security.Actor;
import org.commitmenttracker.service.security.Role;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * Webhook subscriptions. An integrator sees, operates and deletes only its own (another's
 * answers 404, as if it did not exist); an admin all. Operations: pause, resume (also a parked
 * one), replay from a feed position, redeliver one delivery. The list is a page (api.md's
 * {@code {items, page, size, total}}), and an owner holds a bounded number of them (issue 15,
 * finding 7).
 */
@RestController
@RequestMapping(path = "/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final WebhookDispatcher dispatcher;
    private final Feed feed;

    SubscriptionController(Subscriptions subscriptions, WebhookDispatcher dispatcher, Feed feed) {
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
        this.feed = feed;
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

    /** {@code status}: only ACTIVE, PAUSED or PARKED subscriptions; oldest first, {@code size} a page. */
    @GetMapping
    Page<Subscription> list(@RequestParam(required = false) Subscription.Status status,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return subscriptions.page(isAdmin() ? null : Actor.current(), status, page, size);
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

    /** No deliveries until resumed; a delivery in flight finishes. */
    @PostMapping("/{id}/pause")
    Subscription pause(@PathVariable UUID id) {
        subscriptions.pause(visible(id).id());
        return visible(id);
    }

    /** Delivers again from where it stopped, at once: a paused subscription, or one parked after failing. */
    @PostMapping("/{id}/resume")
    Subscription resume(@PathVariable UUID id) {
        subscriptions.resume(visible(id).id());
        return visible(id);
    }

    /** Delivers again every matching event from feed position {@code from} (1 up to the feed's head) on. */
    @PostMapping("/{id}/replay")
    Subscription replay(@PathVariable UUID id, @RequestParam @Min(1) long from) {
        Subscription subscription = visible(id);
        long head = feed.head();
        if (from > head) {
            throw ApiException.badRequest("from: " + from + " is beyond the feed's head, " + head + ".");
        }
        subscriptions.replay(subscription.id(), from);
        return visible(id);
    }

    /** Sends one delivery's event again, now; answers the new attempt (the subscription's cursor stays). */
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    DeliveryAttempt redeliver(@PathVariable UUID id, @PathVariable long deliveryId) {
        Subscription subscription = visible(id);
        DeliveryAttempt delivery = subscriptions.attempt(subscription.id(), deliveryId)
                .orElseThrow(() -> ApiException.notFound("Delivery " + deliveryId + " of subscription '" + id
                        + "' does not exist."));
        return dispatcher.redeliver(subscription, delivery);
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
