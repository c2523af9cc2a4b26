package org.commitmenttracker.command.correction.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.events.correction.FactKind;
import org.commitmenttracker.service.web.PlainText;
import org.commitmenttracker.service.web.Slug;

/** The bodies of the correction endpoints (api.md), validated before any command is sent. */
final class CorrectionRequests {

    /** An event type's name, as {@code factType} names it. */
    static final String EVENT_TYPE = "[A-Z][A-Za-z]{2,60}";

    private CorrectionRequests() {
    }

    /**
     * {@code content} is the fact as it should have been recorded: the fields of the event named
     * by {@code factType} (by default the kind's originating event), without {@code commitmentId}.
     */
    record Correction(@NotNull FactKind factKind, @NotNull @Slug String factId,
                      @Pattern(regexp = EVENT_TYPE, message = "must name an event type, e.g. FundsDisbursed")
                      String factType,
                      @NotNull ObjectNode content,
                      @NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason) {
    }

    record Retraction(@NotNull FactKind factKind, @NotNull @Slug String factId,
                      @Pattern(regexp = EVENT_TYPE, message = "must name an event type, e.g. FundsDisbursed")
                      String factType,
                      @NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason) {
    }
}
