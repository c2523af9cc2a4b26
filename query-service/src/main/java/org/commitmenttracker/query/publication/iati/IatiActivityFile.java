package org.commitmenttracker.query.publication.iati;

import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentDetail.Status;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.funding.FundingLedger.Entry;
import org.commitmenttracker.query.funding.FundingLedger.Kind;
import org.commitmenttracker.query.publication.PublicationProperties.Iati;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.commitmenttracker.query.publication.iati.IatiCodelists.*;

/**
 * The IATI activity file (standard 2.03): one {@code iati-activity} per commitment, from its
 * detail and its ledger. Codes come from {@link IatiCodelists}. No generated-datetime, so that
 * the file's bytes (and its ETag) change only when the data does.
 */
public final class IatiActivityFile {

    /** One commitment as the file shows it. */
    public record Activity(CommitmentDetail detail, FundingLedger ledger) {
    }

    private final Iati reporter;

    public IatiActivityFile(Iati reporter) {
        this.reporter = reporter;
    }

    /** The activity identifier: the reporting organisation's reference, a hyphen, the slug. */
    public String identifier(String commitmentId) {
        return reporter.reportingOrgRef() + "-" + commitmentId;
    }

    public void write(List<Activity> activities, Writer out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("iati-activities");
            xml.writeAttribute("version", "2.03");
            for (Activity activity : activities) {
                activity(xml, activity.detail(), activity.ledger());
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the IATI activity file", e);
        }
    }

    private void activity(XMLStreamWriter xml, CommitmentDetail detail, FundingLedger ledger) throws XMLStreamException {
        xml.writeStartElement("iati-activity");
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
        if (ledger.currency() != null) {
            xml.writeAttribute("default-currency", ledger.currency());
        }
        text(xml, "iati-identifier", identifier(detail.id()));
        xml.writeStartElement("reporting-org");
        xml.writeAttribute("ref", reporter.reportingOrgRef());
        xml.writeAttribute("type", reporter.reportingOrgType());
        narrative(xml, reporter.reportingOrgName());
        xml.writeEndElement();
        narrativeElement(xml, "title", detail.title());
        xml.writeStartElement("description");
        xml.writeAttribute("type", DESCRIPTION_GENERAL);
        narrative(xml, detail.summary());
        xml.writeEndElement();
        participatingOrganisations(xml, detail, ledger);
        empty(xml, "activity-status", "code", activityStatus(detail.status()));
        activityDates(xml, detail);
        xml.writeStartElement("sector");
        xml.writeAttribute("vocabulary", SECTOR_VOCABULARY_DAC5);
        xml.writeAttribute("code", sector(detail.category()));
        xml.writeEndElement();
        budgets(xml, detail, ledger);
        transactions(xml, ledger);
        documentLinks(xml, detail);
        results(xml, detail);
        xml.writeEndElement();
    }

    private void participatingOrganisations(XMLStreamWriter xml, CommitmentDetail detail, FundingLedger ledger)
            throws XMLStreamException {
        for (String party : detail.parties()) {
            organisation(xml, ROLE_ACCOUNTABLE, ORGANISATION_TYPE_GOVERNMENT, party);
        }
        for (String agency : detail.leadAgencies()) {
            organisation(xml, ROLE_EXTENDING, ORGANISATION_TYPE_GOVERNMENT, agency);
        }
        Set<String> funders = new LinkedHashSet<>();
        detail.pledges().forEach(pledge -> funders.add(pledge.fundingSource()));
        for (String funder : funders) {
            organisation(xml, ROLE_FUNDING, null, funder);
        }
        Set<String> implementers = new LinkedHashSet<>();
        ledger.entries().stream().filter(e -> e.kind() == Kind.OBLIGATION).forEach(e -> implementers.add(e.counterpart()));
        for (String implementer : implementers) {
            organisation(xml, ROLE_IMPLEMENTING, null, implementer);
        }
    }

    private void organisation(XMLStreamWriter xml, String role, String type, String name) throws XMLStreamException {
        if (name == null || name.isBlank()) {
            return;
        }
        xml.writeStartElement("participating-org");
        xml.writeAttribute("role", role);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        narrative(xml, name);
        xml.writeEndElement();
    }

    /** Planned start: the announcement; actual start once something happened; planned end: due by; actual end once closed. */
    private void activityDates(XMLStreamWriter xml, CommitmentDetail detail) throws XMLStreamException {
        activityDate(xml, DATE_PLANNED_START, detail.announcedOn());
        if (detail.status() != Status.ANNOUNCED) {
            activityDate(xml, DATE_ACTUAL_START, detail.announcedOn());
        }
        activityDate(xml, DATE_PLANNED_END, detail.dueBy());
        if (detail.status() == Status.FULFILLED || detail.status() == Status.WITHDRAWN) {
            activityDate(xml, DATE_ACTUAL_END, detail.lastActivityOn());
        }
    }

    private void activityDate(XMLStreamWriter xml, String type, LocalDate date) throws XMLStreamException {
        if (date != null) {
            xml.writeEmptyElement("activity-date");
            xml.writeAttribute("type", type);
            xml.writeAttribute("iso-date", date.toString());
        }
    }

    /** Each pledge as an indicative budget over its period; a pledge revised since is a revised budget. */
    private void budgets(XMLStreamWriter xml, CommitmentDetail detail, FundingLedger ledger) throws XMLStreamException {
        for (CommitmentDetail.Pledge pledge : detail.pledges()) {
            if (pledge.amount() == null || pledge.periodFrom() == null || pledge.periodTo() == null) {
                continue;
            }
            boolean revised = ledger.entries().stream()
                    .anyMatch(e -> e.kind() == Kind.PLEDGE_REVISION && pledge.pledgeId().equals(e.id()));
            xml.writeStartElement("budget");
            xml.writeAttribute("type", revised ? BUDGET_REVISED : BUDGET_ORIGINAL);
            xml.writeAttribute("status", BUDGET_INDICATIVE);
            empty(xml, "period-start", "iso-date", pledge.periodFrom().toString());
            empty(xml, "period-end", "iso-date", pledge.periodTo().toString());
            value(xml, pledge.amount().value(), pledge.amount().currency(), pledge.periodFrom());
            xml.writeEndElement();
        }
    }

    /**
     * Obligations as outgoing commitments, disbursements as disbursements, and each reversal as a
     * negative disbursement on the day it was reversed. Retracted facts are not in the ledger.
     */
    private void transactions(XMLStreamWriter xml, FundingLedger ledger) throws XMLStreamException {
        for (Entry entry : ledger.entries()) {
            String type = transactionType(entry.kind()).orElse(null);
            if (type == null || entry.amount() == null || entry.date() == null) {
                continue;
            }
            BigDecimal value = entry.kind() == Kind.REVERSAL || entry.kind() == Kind.DEOBLIGATION
                    ? entry.amount().value().negate() : entry.amount().value();
            xml.writeStartElement("transaction");
            if (entry.id() != null) {
                // the accounting system's own number where the officer gave one, else the fact's id
                xml.writeAttribute("ref", entry.reference() != null ? entry.reference() : entry.id());
            }
            empty(xml, "transaction-type", "code", type);
            empty(xml, "transaction-date", "iso-date", entry.date().toString());
            value(xml, value, entry.amount().currency(), entry.date());
            String description = switch (entry.kind()) {
                case OBLIGATION -> "Obligation " + entry.id();
                case DEOBLIGATION -> "De-obligation of " + entry.obligationId()
                        + (entry.note() == null ? "" : ": " + entry.note());
                case DISBURSEMENT -> "Disbursement " + entry.id() + (entry.note() == null ? "" : ": " + entry.note());
                case REVERSAL -> "Reversal of disbursement " + entry.id()
                        + (entry.note() == null ? "" : ": " + entry.note());
                default -> null;
            };
            narrativeElement(xml, "description", description);
            if (entry.counterpart() != null && !entry.counterpart().isBlank()) {
                narrativeElement(xml, "receiver-org", entry.counterpart());
            }
            xml.writeEndElement();
        }
    }

    private void documentLinks(XMLStreamWriter xml, CommitmentDetail detail) throws XMLStreamException {
        if (detail.source() != null && detail.source().url() != null) {
            documentLink(xml, detail.source().url(), detail.source().title(), DOCUMENT_SOURCE,
                    detail.source().publishedOn());
        }
        for (CommitmentDetail.Evidence evidence : detail.evidence()) {
            if (evidence.url() != null) {
                documentLink(xml, evidence.url(), evidence.title(), DOCUMENT_EVIDENCE, evidence.capturedOn());
            }
        }
    }

    private void documentLink(XMLStreamWriter xml, String url, String title, String category, LocalDate date)
            throws XMLStreamException {
        xml.writeStartElement("document-link");
        xml.writeAttribute("format", FORMAT_WEB_PAGE);
        xml.writeAttribute("url", url);
        narrativeElement(xml, "title", title == null || title.isBlank() ? url : title);
        empty(xml, "category", "code", category);
        if (date != null) {
            empty(xml, "document-date", "iso-date", date.toString());
        }
        xml.writeEndElement();
    }

    /**
     * Each indicator as a result: its baseline (in the year of the announcement), and one period
     * from the announcement to the target date (or due date) with the target and the latest value.
     */
    private void results(XMLStreamWriter xml, CommitmentDetail detail) throws XMLStreamException {
        for (CommitmentDetail.Indicator indicator : detail.indicators()) {
            xml.writeStartElement("result");
            xml.writeAttribute("type", RESULT_OUTCOME);
            narrativeElement(xml, "title", indicator.name());
            xml.writeStartElement("indicator");
            xml.writeAttribute("measure", MEASURE_UNIT);
            xml.writeAttribute("ascending", Boolean.toString(indicator.target() == null || indicator.baseline() == null
                    || indicator.target().compareTo(indicator.baseline()) >= 0));
            narrativeElement(xml, "title", indicator.name() + (indicator.unit() == null ? "" : " (" + indicator.unit() + ")"));
            if (indicator.baseline() != null && detail.announcedOn() != null) {
                xml.writeEmptyElement("baseline");
                xml.writeAttribute("year", Integer.toString(detail.announcedOn().getYear()));
                xml.writeAttribute("iso-date", detail.announcedOn().toString());
                xml.writeAttribute("value", indicator.baseline().toPlainString());
            }
            LocalDate start = detail.announcedOn();
            LocalDate end = indicator.targetDate() != null ? indicator.targetDate() : detail.dueBy();
            if (indicator.latest() != null && (end == null || indicator.latest().measuredOn().isAfter(end))) {
                end = indicator.latest().measuredOn();
            }
            if (start != null) {
                xml.writeStartElement("period");
                empty(xml, "period-start", "iso-date", start.toString());
                empty(xml, "period-end", "iso-date", (end == null || end.isBefore(start) ? start : end).toString());
                if (indicator.target() != null) {
                    empty(xml, "target", "value", indicator.target().toPlainString());
                }
                if (indicator.latest() != null) {
                    empty(xml, "actual", "value", indicator.latest().value().toPlainString());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
    }

    private static void value(XMLStreamWriter xml, BigDecimal value, String currency, LocalDate valueDate)
            throws XMLStreamException {
        xml.writeStartElement("value");
        xml.writeAttribute("currency", currency);
        xml.writeAttribute("value-date", valueDate.toString());
        xml.writeCharacters(value.toPlainString());
        xml.writeEndElement();
    }

    private static void empty(XMLStreamWriter xml, String element, String attribute, String value)
            throws XMLStreamException {
        xml.writeEmptyElement(element);
        xml.writeAttribute(attribute, value);
    }

    private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void narrativeElement(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        narrative(xml, text);
        xml.writeEndElement();
    }

    private static void narrative(XMLStreamWriter xml, String text) throws XMLStreamException {
        text(xml, "narrative", text == null ? "" : text);
    }
}
