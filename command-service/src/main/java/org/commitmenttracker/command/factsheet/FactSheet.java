package org.commitmenttracker.command.factsheet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Source;
import org.commitmenttracker.service.web.PlainText;
import org.commitmenttracker.service.web.Slug;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A fact sheet: the commitments one public document announced, with what it states about each
 * (dialogues planned, funds pledged, indicators, agreements signed). Bundled as JSON; any
 * sheet of this format can be imported.
 */
public record FactSheet(@NotNull @Valid SourceDocument source, @NotNull LocalDate announcedOn,
                        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) @PlainText String> parties,
                        @NotEmpty @Size(max = 500) List<@NotNull @Valid Entry> commitments) {

    /** Where the sheet was made public, checked like the source of a single announcement. */
    public record SourceDocument(@NotBlank @Size(max = 300) @PlainText String title,
                                 @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
                                 @PlainText String url,
                                 LocalDate publishedOn) {

        public Source toSource() {
            return new Source(title, url, publishedOn);
        }
    }

    public record Entry(@NotNull @Slug String id, @NotBlank @Size(max = 300) @PlainText String title,
                        @NotBlank @Size(max = 10_000) @PlainText(multiline = true) String summary,
                        @NotNull Category category,
                        @Size(max = 50) List<@NotBlank @Size(max = 200) @PlainText String> leadAgencies,
                        LocalDate dueBy,
                        @Size(max = 100) List<@NotNull @Valid Dialogue> dialogues,
                        @Size(max = 100) List<@NotNull @Valid Pledge> pledges,
                        @Size(max = 100) List<@NotNull @Valid Indicator> indicators,
                        @Size(max = 100) List<@NotNull @Valid Agreement> agreements) {

        public Entry {
            leadAgencies = orEmpty(leadAgencies);
            dialogues = orEmpty(dialogues);
            pledges = orEmpty(pledges);
            indicators = orEmpty(indicators);
            agreements = orEmpty(agreements);
        }
    }

    public record Dialogue(@NotNull @Slug String dialogueId, @NotBlank @Size(max = 300) @PlainText String name,
                           @NotNull LocalDate plannedFrom, @NotNull LocalDate plannedTo,
                           @Size(max = 300) @PlainText String location) {
    }

    public record Pledge(@NotNull @Slug String pledgeId, @NotNull @Valid Money amount, @NotNull LocalDate periodFrom,
                         @NotNull LocalDate periodTo, @NotBlank @Size(max = 300) @PlainText String fundingSource) {
    }

    public record Indicator(@NotNull @Slug String indicatorId, @NotBlank @Size(max = 300) @PlainText String name,
                            @NotBlank @Size(max = 100) @PlainText String unit,
                            @NotNull @Digits(integer = 15, fraction = 4) BigDecimal baseline,
                            @NotNull @Digits(integer = 15, fraction = 4) BigDecimal target, LocalDate targetDate) {
    }

    public record Agreement(@NotNull @Slug String agreementId, @NotBlank @Size(max = 500) @PlainText String title,
                            @NotNull LocalDate signedOn,
                            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 300) @PlainText String> signatories) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
