package org.commitmenttracker.command.factsheet;

import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A fact sheet: the commitments one public document announced, with what it states about each
 * (dialogues planned, funds pledged, indicators, agreements signed). Bundled as JSON; any
 * sheet of this format can be imported.
 */
public record FactSheet(Source source, LocalDate announcedOn, List<String> parties, List<Entry> commitments) {

    public record Entry(String id, String title, String summary, Category category, List<String> leadAgencies,
                        LocalDate dueBy, List<Dialogue> dialogues, List<Pledge> pledges,
                        List<Indicator> indicators, List<Agreement> agreements) {

        public Entry {
            leadAgencies = orEmpty(leadAgencies);
            dialogues = orEmpty(dialogues);
            pledges = orEmpty(pledges);
            indicators = orEmpty(indicators);
            agreements = orEmpty(agreements);
        }
    }

    public record Dialogue(String dialogueId, String name, LocalDate plannedFrom, LocalDate plannedTo, String location) {
    }

    public record Pledge(String pledgeId, Money amount, LocalDate periodFrom, LocalDate periodTo, String fundingSource) {
    }

    public record Indicator(String indicatorId, String name, String unit, BigDecimal baseline, BigDecimal target,
                            LocalDate targetDate) {
    }

    public record Agreement(String agreementId, String title, LocalDate signedOn, List<String> signatories) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
