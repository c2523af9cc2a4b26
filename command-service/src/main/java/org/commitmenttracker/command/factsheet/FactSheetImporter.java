package org.commitmenttracker.command.factsheet;

import org.commitmenttracker.command.commitment.AnnounceCommitment;
import org.commitmenttracker.command.commitment.ImportCommitment;
import org.commitmenttracker.command.dialogue.ScheduleDialogue;
import org.commitmenttracker.command.funding.PledgeFunds;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.command.messaging.CommandResult;
import org.commitmenttracker.command.messaging.CommandSender;
import org.commitmenttracker.command.messaging.CommitmentCommand;
import org.commitmenttracker.command.progress.DefineIndicator;
import org.commitmenttracker.command.progress.SignAgreement;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a fact sheet through the same rules an officer's commands meet: each commitment's
 * announcement, then what the sheet states, dated the day of the announcement, in one command
 * per commitment, so that a refused fact leaves that commitment as it was. Idempotent: an
 * existing commitment is not announced again and every stated fact is a harmless repeat, so a
 * second import records nothing.
 */
@Component
public class FactSheetImporter {

    private final CommandSender commands;
    private final Clock clock;

    FactSheetImporter(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** What an import did: the commitments it announced, those already there, and the events it recorded. */
    public record Report(List<String> announced, List<String> existing, int eventsRecorded) {
    }

    public Report importSheet(FactSheet sheet, CommandContext context) {
        LocalDate today = LocalDate.now(clock);
        List<String> announced = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        int eventsRecorded = 0;
        for (FactSheet.Entry entry : sheet.commitments()) {
            AnnounceCommitment announcement = new AnnounceCommitment(entry.id(), entry.title(), entry.summary(),
                    entry.category(), sheet.parties(), entry.leadAgencies(), sheet.announcedOn(),
                    sheet.source().toSource(), entry.dueBy(), today);
            CommandResult result = commands.send(new ImportCommitment(entry.id(), announcement,
                    statedFacts(sheet.announcedOn(), entry, today)), context);
            // Every event of a commitment this import announced is one of its own.
            (result.eventIds().size() == result.version() ? announced : existing).add(entry.id());
            eventsRecorded += result.eventIds().size();
        }
        return new Report(List.copyOf(announced), List.copyOf(existing), eventsRecorded);
    }

    private static List<CommitmentCommand> statedFacts(LocalDate on, FactSheet.Entry entry, LocalDate today) {
        List<CommitmentCommand> facts = new ArrayList<>();
        String id = entry.id();
        entry.dialogues().forEach(d -> facts.add(new ScheduleDialogue(id, d.dialogueId(), d.name(), d.plannedFrom(),
                d.plannedTo(), d.location(), on, today)));
        entry.pledges().forEach(p -> facts.add(new PledgeFunds(id, p.pledgeId(), p.amount(), p.periodFrom(),
                p.periodTo(), p.fundingSource(), on, null, today)));
        entry.indicators().forEach(i -> facts.add(new DefineIndicator(id, i.indicatorId(), i.name(), i.unit(),
                i.baseline(), i.target(), i.targetDate(), on, today)));
        entry.agreements().forEach(a -> facts.add(new SignAgreement(id, a.agreementId(), a.title(), a.signedOn(),
                a.signatories(), today)));
        return facts;
    }
}
