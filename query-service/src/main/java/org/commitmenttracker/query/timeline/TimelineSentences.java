package org.commitmenttracker.query.timeline;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.correction.FactCorrected;
import org.commitmenttracker.events.correction.FactRetracted;
import org.commitmenttracker.events.funding.FundsDeobligated;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.commitment.CommitmentFulfilled;
import org.commitmenttracker.events.commitment.CommitmentRevised;
import org.commitmenttracker.events.commitment.CommitmentWithdrawn;
import org.commitmenttracker.events.dialogue.DialogueCancelled;
import org.commitmenttracker.events.dialogue.DialogueHeld;
import org.commitmenttracker.events.dialogue.DialogueRescheduled;
import org.commitmenttracker.events.dialogue.DialogueScheduled;
import org.commitmenttracker.events.funding.DisbursementReversed;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsObligated;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.funding.PledgeRevised;
import org.commitmenttracker.events.progress.AgreementSigned;
import org.commitmenttracker.events.progress.EvidenceAttached;
import org.commitmenttracker.events.progress.IndicatorDefined;
import org.commitmenttracker.events.progress.MilestoneAchieved;
import org.commitmenttracker.events.progress.MilestoneSet;
import org.commitmenttracker.events.progress.ProgressAssessed;
import org.commitmenttracker.events.progress.ProgressMeasured;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Rating;

/**
 * One readable sentence per event, as an officer would write it in a progress report, in English
 * and in Spanish (the public page's two languages): the arguments are taken from the event once,
 * and each language phrases them. Events that refer to a child by id (a dialogue held, a
 * milestone achieved, a measurement) name it through {@link Names}, learnt from the event that
 * introduced it. Names, titles and reasons stay as the officer wrote them.
 */
final class TimelineSentences {

    /** What earlier events of the same commitment named; empty when unknown. */
    interface Names {
        String dialogue(String dialogueId);

        String milestone(String milestoneId);

        String indicator(String indicatorId);

        String indicatorUnit(String indicatorId);
    }

    /**
     * How each language says each sentence and its optional parts ({@link String#format}
     * patterns), and writes numbers: as the public page does (USD 7,250,000.50; 7.250.000,50 USD).
     */
    enum Language {
        ENGLISH(Locale.US, true, Map.ofEntries(
                Map.entry("announced", "Announced '%s'%s%s"), Map.entry("source", " (%s)"),
                Map.entry("due", ", due by %s"),
                Map.entry("scheduled", "Dialogue '%s' scheduled for %s%s"),
                Map.entry("rescheduled", "Dialogue '%s' rescheduled to %s%s"),
                Map.entry("held", "Dialogue '%s' held on %s%s"), Map.entry("cancelled", "Dialogue '%s' cancelled%s"),
                Map.entry("in", " in %s"), Map.entry("period", "%s to %s"),
                Map.entry("pledged", "Pledged %s from %s for %s (pledge %s)"),
                Map.entry("pledgeRevised", "Pledge %s revised to %s%s"),
                Map.entry("obligated", "Obligated %s to %s (award %s)"),
                Map.entry("disbursed", "Disbursed %s to %s (voucher %s)"),
                Map.entry("reversed", "Reversed disbursement %s of %s%s"),
                Map.entry("deobligated", "De-obligated %s of award %s%s"),
                Map.entry("unknownAmount", "an unknown amount"),
                Map.entry("milestoneSet", "Milestone '%s' set%s"),
                Map.entry("milestoneAchieved", "Milestone '%s' achieved on %s%s"),
                Map.entry("indicatorDefined", "Indicator '%s' defined: from %s to %s%s"), Map.entry("by", " by %s"),
                Map.entry("measured", "%s measured at %s on %s%s"),
                Map.entry("agreement", "Agreement '%s' signed on %s%s"), Map.entry("signedBy", " by %s"),
                Map.entry("assessed", "Assessed as %s%s"), Map.entry("unrated", "unrated"),
                Map.entry("evidence", "Evidence attached: '%s'%s"),
                Map.entry("fulfilled", "Fulfilled on %s%s"), Map.entry("withdrawn", "Withdrawn on %s%s"),
                Map.entry("recorded", "Recorded %s"),
                Map.entry("theFact", "The %s %s"), Map.entry("corrected", "%s was corrected to '%s'%s"),
                Map.entry("retracted", "%s was retracted: it never happened%s"),
                Map.entry("revised", "Revised %s%s"), Map.entry("revisedTitle", "the title to '%s'"),
                Map.entry("revisedSummary", "the summary"), Map.entry("revisedDue", "the due date to %s"),
                Map.entry("revisedAgencies", "the lead agencies to %s"), Map.entry("revisedNothing", "the commitment"),
                Map.entry("and", " and ")),
                Map.of()),
        SPANISH(Locale.forLanguageTag("es"), false, Map.ofEntries(
                Map.entry("announced", "Anunciado '%s'%s%s"), Map.entry("source", " (%s)"),
                Map.entry("due", ", con fecha límite %s"),
                Map.entry("scheduled", "Diálogo '%s' programado para %s%s"),
                Map.entry("rescheduled", "Diálogo '%s' reprogramado para %s%s"),
                Map.entry("held", "Diálogo '%s' celebrado el %s%s"), Map.entry("cancelled", "Diálogo '%s' cancelado%s"),
                Map.entry("in", " en %s"), Map.entry("period", "%s a %s"),
                Map.entry("pledged", "Comprometidos %s de %s para %s (compromiso %s)"),
                Map.entry("pledgeRevised", "Compromiso %s revisado a %s%s"),
                Map.entry("obligated", "Obligados %s a %s (adjudicación %s)"),
                Map.entry("disbursed", "Desembolsados %s a %s (comprobante %s)"),
                Map.entry("reversed", "Revertido el desembolso %s de %s%s"),
                Map.entry("deobligated", "Desobligados %s de la adjudicación %s%s"),
                Map.entry("unknownAmount", "un monto desconocido"),
                Map.entry("milestoneSet", "Hito '%s' fijado%s"),
                Map.entry("milestoneAchieved", "Hito '%s' alcanzado el %s%s"),
                Map.entry("indicatorDefined", "Indicador '%s' definido: de %s a %s%s"), Map.entry("by", " para %s"),
                Map.entry("measured", "%s medido en %s el %s%s"),
                Map.entry("agreement", "Acuerdo '%s' firmado el %s%s"), Map.entry("signedBy", " por %s"),
                Map.entry("assessed", "Evaluado como %s%s"), Map.entry("unrated", "sin calificación"),
                Map.entry("evidence", "Evidencia adjunta: '%s'%s"),
                Map.entry("fulfilled", "Cumplido el %s%s"), Map.entry("withdrawn", "Retirado el %s%s"),
                Map.entry("recorded", "Registrado %s"),
                Map.entry("theFact", "El registro %s %s"), Map.entry("corrected", "%s se corrigió a '%s'%s"),
                Map.entry("retracted", "%s se retiró: nunca ocurrió%s"),
                Map.entry("revised", "Revisado %s%s"), Map.entry("revisedTitle", "el título a '%s'"),
                Map.entry("revisedSummary", "el resumen"), Map.entry("revisedDue", "la fecha límite a %s"),
                Map.entry("revisedAgencies", "las agencias responsables a %s"),
                Map.entry("revisedNothing", "el compromiso"), Map.entry("and", " y ")),
                Map.of(Rating.NOT_STARTED, "no iniciado", Rating.IN_PROGRESS, "en curso", Rating.STALLED, "estancado",
                        Rating.PARTIALLY_ACHIEVED, "parcialmente logrado", Rating.ACHIEVED, "logrado",
                        Rating.NOT_ACHIEVED, "no logrado"));

        private final Locale numbers;
        private final boolean currencyFirst;
        private final Map<String, String> patterns;
        private final Map<Rating, String> ratings;

        Language(Locale numbers, boolean currencyFirst, Map<String, String> patterns, Map<Rating, String> ratings) {
            this.numbers = numbers;
            this.currencyFirst = currencyFirst;
            this.patterns = patterns;
            this.ratings = ratings;
        }

        String say(String key, Object... arguments) {
            return String.format(Locale.ROOT, patterns.get(key), arguments);
        }

        /** The pattern filled with {@code value}, or nothing when there is no value. */
        String part(String key, Object value) {
            return value == null || value instanceof String text && text.isBlank() ? "" : say(key, value);
        }

        String rating(Rating rating) {
            return ratings.getOrDefault(rating, rating.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    private TimelineSentences() {
    }

    static String of(CommitmentEvent event, Names names) {
        return of(event, names, Language.ENGLISH);
    }

    static String of(CommitmentEvent event, Names names, Language l) {
        if (event instanceof CommitmentAnnounced e) {
            return l.say("announced", e.title(), e.source() == null ? "" : l.part("source", e.source().title()),
                    l.part("due", e.dueBy()));
        } else if (event instanceof CommitmentRevised e) {
            return revised(e, l);
        } else if (event instanceof DialogueScheduled e) {
            return l.say("scheduled", e.name(), period(e.plannedFrom(), e.plannedTo(), l), l.part("in", e.location()));
        } else if (event instanceof DialogueRescheduled e) {
            return l.say("rescheduled", named(names.dialogue(e.dialogueId()), e.dialogueId()),
                    period(e.plannedFrom(), e.plannedTo(), l), because(e.reason()));
        } else if (event instanceof DialogueHeld e) {
            return l.say("held", named(names.dialogue(e.dialogueId()), e.dialogueId()), e.heldOn(),
                    l.part("in", e.location()));
        } else if (event instanceof DialogueCancelled e) {
            return l.say("cancelled", named(names.dialogue(e.dialogueId()), e.dialogueId()), because(e.reason()));
        } else if (event instanceof FundsPledged e) {
            return l.say("pledged", money(e.amount(), l), e.fundingSource(), period(e.periodFrom(), e.periodTo(), l),
                    e.pledgeId());
        } else if (event instanceof PledgeRevised e) {
            return l.say("pledgeRevised", e.pledgeId(), money(e.newAmount(), l), because(e.reason()));
        } else if (event instanceof FundsObligated e) {
            return l.say("obligated", money(e.amount(), l), e.implementingPartner(), e.obligationId());
        } else if (event instanceof FundsDisbursed e) {
            return l.say("disbursed", money(e.amount(), l), e.recipient(), e.disbursementId());
        } else if (event instanceof DisbursementReversed e) {
            return l.say("reversed", e.disbursementId(), money(e.amount(), l), because(e.reason()));
        } else if (event instanceof MilestoneSet e) {
            return l.say("milestoneSet", e.description(), l.part("due", e.dueBy()));
        } else if (event instanceof MilestoneAchieved e) {
            return l.say("milestoneAchieved", named(names.milestone(e.milestoneId()), e.milestoneId()),
                    e.achievedOn(), because(e.note()));
        } else if (event instanceof IndicatorDefined e) {
            return l.say("indicatorDefined", e.name(), figure(e.baseline(), e.unit(), l), figure(e.target(), e.unit(), l),
                    l.part("by", e.targetDate()));
        } else if (event instanceof ProgressMeasured e) {
            return l.say("measured", named(names.indicator(e.indicatorId()), e.indicatorId()),
                    figure(e.value(), names.indicatorUnit(e.indicatorId()), l), e.measuredOn(),
                    l.part("source", e.source()));
        } else if (event instanceof AgreementSigned e) {
            return l.say("agreement", e.title(), e.signedOn(), e.signatories() == null || e.signatories().isEmpty()
                    ? "" : l.part("signedBy", String.join(", ", e.signatories())));
        } else if (event instanceof ProgressAssessed e) {
            return l.say("assessed", e.rating() == null ? l.say("unrated") : l.rating(e.rating()),
                    because(e.rationale()));
        } else if (event instanceof EvidenceAttached e) {
            return l.say("evidence", e.title(), l.part("source", e.url()));
        } else if (event instanceof CommitmentFulfilled e) {
            return l.say("fulfilled", e.fulfilledOn(), because(e.summary()));
        } else if (event instanceof CommitmentWithdrawn e) {
            return l.say("withdrawn", e.withdrawnOn(), because(e.reason()));
        } else if (event instanceof FundsDeobligated e) {
            return l.say("deobligated", money(e.amount(), l), e.obligationId(), because(e.reason()));
        } else if (event instanceof FactCorrected || event instanceof FactRetracted) {
            return correction(event, null, names, l);
        }
        return l.say("recorded", event.getClass().getSimpleName());
    }

    static String correction(CommitmentEvent event, CommitmentEvent was, Names names) {
        return correction(event, was, names, Language.ENGLISH);
    }

    /**
     * A correction or retraction as a sentence: what the record said ({@code was}, the fact as
     * known just before) and what is known now, and why. "Dialogue 'HLED' held on 2021-09-08 in
     * Washington was corrected to: Dialogue 'HLED' held on 2021-09-09 in Washington: typo".
     */
    static String correction(CommitmentEvent event, CommitmentEvent was, Names names, Language l) {
        String before = was == null ? null : "'" + of(was, names, l) + "'";
        if (event instanceof FactCorrected e) {
            return l.say("corrected", before == null ? l.say("theFact", e.factKind().json(), e.factId()) : before,
                    of(e.content(), names, l), because(e.reason()));
        }
        if (event instanceof FactRetracted e) {
            return l.say("retracted", before == null ? l.say("theFact", e.factKind().json(), e.factId()) : before,
                    because(e.reason()));
        }
        return of(event, names, l);
    }

    private static String revised(CommitmentRevised e, Language l) {
        List<String> changes = new ArrayList<>();
        if (e.title() != null) {
            changes.add(l.say("revisedTitle", e.title()));
        }
        if (e.summary() != null) {
            changes.add(l.say("revisedSummary"));
        }
        if (e.dueBy() != null) {
            changes.add(l.say("revisedDue", e.dueBy()));
        }
        if (e.leadAgencies() != null) {
            changes.add(l.say("revisedAgencies", String.join(", ", e.leadAgencies())));
        }
        String what = changes.isEmpty() ? l.say("revisedNothing")
                : changes.size() == 1 ? changes.get(0)
                : String.join(", ", changes.subList(0, changes.size() - 1)) + l.say("and") + changes.get(changes.size() - 1);
        return l.say("revised", what, because(e.reason()));
    }

    /** "USD 10,000,000.00": the currency code and the exact value, grouped. */
    static String money(Money money) {
        return money(money, Language.ENGLISH);
    }

    private static String money(Money money, Language l) {
        if (money == null) {
            return l.say("unknownAmount");
        }
        String digits = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(l.numbers)).format(money.value());
        return l.currencyFirst ? money.currency() + " " + digits : digits + " " + money.currency();
    }

    private static String figure(BigDecimal value, String unit, Language l) {
        if (value == null) {
            return "?";
        }
        DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(l.numbers));
        return format.format(value) + (blank(unit) ? "" : " " + unit);
    }

    private static String period(LocalDate from, LocalDate to, Language l) {
        return Objects.equals(from, to) || to == null ? String.valueOf(from) : l.say("period", from, to);
    }

    private static String because(String reason) {
        return blank(reason) ? "" : ": " + reason;
    }

    private static String named(String name, String id) {
        return blank(name) ? id : name;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
