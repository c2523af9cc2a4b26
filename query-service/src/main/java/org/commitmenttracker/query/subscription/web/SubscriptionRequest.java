package org.commitmenttracker.query.subscription.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.service.web.Slug;

import java.util.List;

/**
 * {@code POST /api/subscriptions}: where to deliver, optionally only some event types or one
 * commitment, and optionally from which feed position on (by default from now).
 */
record SubscriptionRequest(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> types,
        @Slug String commitmentId,
        @Min(0) Long after) {
}
