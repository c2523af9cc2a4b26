package org.commitmenttracker.command.commitment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.command.commitment.AnnounceCommitment;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Source;
import org.commitmenttracker.service.web.PlainText;
import org.commitmenttracker.service.web.Slug;

import java.time.LocalDate;
import java.util.List;

record AnnounceRequest(
        @Slug String id,
        @NotBlank @Size(max = 300) @PlainText String title,
        @NotBlank @Size(max = 10_000) @PlainText(multiline = true) String summary,
        @NotNull Category category,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) @PlainText String> parties,
        @Size(max = 50) List<@NotBlank @Size(max = 200) @PlainText String> leadAgencies,
        @NotNull LocalDate announcedOn,
        @NotNull @Valid SourceRequest source,
        LocalDate dueBy) {

    record SourceRequest(@NotBlank @Size(max = 300) @PlainText String title,
                         @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @PlainText String url,
                         LocalDate publishedOn) {
    }

    AnnounceCommitment toCommand(String commitmentId, LocalDate today) {
        return new AnnounceCommitment(commitmentId, title, summary, category, List.copyOf(parties),
                leadAgencies == null ? List.of() : List.copyOf(leadAgencies), announcedOn,
                new Source(source.title(), source.url(), source.publishedOn()), dueBy, today);
    }
}
