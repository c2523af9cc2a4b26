package org.commitmenttracker.command.factsheet;

import org.commitmenttracker.command.commitment.AnnounceCommitment;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.command.messaging.CommandSender;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a fact sheet through the same commands an officer would send. Idempotent: a
 * commitment that already exists is left as it is, so importing again records nothing.
 */
@Component
public class FactSheetImporter {

    private final CommandSender commands;
    private final Clock clock;

    FactSheetImporter(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** What an import did: the commitments it announced and those that were there already. */
    public record Report(List<String> announced, List<String> existing) {
    }

    public Report importSheet(FactSheet sheet, CommandContext context) {
        LocalDate today = LocalDate.now(clock);
        List<String> announced = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (FactSheet.Entry entry : sheet.commitments()) {
            try {
                commands.send(new AnnounceCommitment(entry.id(), entry.title(), entry.summary(), entry.category(),
                        sheet.parties(), entry.leadAgencies(), sheet.announcedOn(), sheet.source(), entry.dueBy(),
                        today), context);
                announced.add(entry.id());
            } catch (ApiException e) {
                if (e.status() != HttpStatus.CONFLICT) {
                    throw e;
                }
                existing.add(entry.id());
            }
        }
        return new Report(List.copyOf(announced), List.copyOf(existing));
    }
}
