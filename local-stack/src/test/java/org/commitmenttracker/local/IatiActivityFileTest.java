package org.commitmenttracker.local;

import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /public/iati/activities.xml} against the official IATI 2.03 schema, kept unchanged in
 * the test resources ({@code iati-2.03/}, copied from the project's shared folder).
 */
class IatiActivityFileTest {

    private static final String FULL = "full-course-iati";

    private final SeededStack stack = SeededStack.shared();

    @Test
    void theFileOfTheSeedIsValidIati203WithOneActivityPerCommitment() throws Exception {
        String xml = activities();

        validate(xml);
        Document document = parse(xml);
        assertThat(document.getDocumentElement().getAttribute("version")).isEqualTo("2.03");
        List<String> identifiers = texts(document, "iati-identifier");
        for (String slug : SeededStack.SEED) {
            assertThat(identifiers).contains("XI-TRACKER-LOCAL-" + slug);
        }
    }

    @Test
    void aFullCourseIsValidIati203AndShowsItsMoneyResultsAndDocuments() throws Exception {
        logFullCourse();

        String xml = activities();

        validate(xml);
        Element activity = activity(parse(xml), "XI-TRACKER-LOCAL-" + FULL);
        assertThat(attribute(activity, "activity-status", "code")).isEqualTo("4");
        assertThat(activity.getAttribute("default-currency")).isEqualTo("USD");
        Element budget = (Element) activity.getElementsByTagName("budget").item(0);
        assertThat(budget.getAttribute("type")).as("a revised pledge").isEqualTo("2");
        assertThat(budget.getElementsByTagName("value").item(0).getTextContent()).isEqualTo("900000.00");
        List<String[]> transactions = transactions(activity);
        assertThat(transactions).extracting(t -> t[0] + " " + t[1] + " " + t[2]).containsExactly(
                "2 2021-09-15 600000.00", "3 2021-11-02 250000.00", "3 2021-11-20 -250000.00",
                "3 2022-01-10 100000.00");
        assertThat(attribute(activity, "baseline", "value")).isEqualTo("0");
        assertThat(attribute(activity, "target", "value")).isEqualTo("100");
        assertThat(attribute(activity, "actual", "value")).isEqualTo("40");
        List<String> links = new ArrayList<>();
        NodeList documentLinks = activity.getElementsByTagName("document-link");
        for (int i = 0; i < documentLinks.getLength(); i++) {
            links.add(((Element) documentLinks.item(i)).getAttribute("url"));
        }
        assertThat(links).containsExactly("https://www.whitehouse.gov/statement", "https://www.dol.gov/report-2021");
    }

    @Test
    void theTransactionsOfTheLaborCommitmentSumToItsLedger() throws Exception {
        Element activity = activity(parse(activities()), "XI-TRACKER-LOCAL-" + SeededStack.LABOR);
        var ledger = stack.queries.call("/public/api/commitments/" + SeededStack.LABOR + "/ledger").get().json();

        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        for (String[] transaction : transactions(activity)) {
            if (transaction[0].equals("2")) {
                committed = committed.add(new BigDecimal(transaction[2]));
            } else if (transaction[0].equals("3")) {
                disbursed = disbursed.add(new BigDecimal(transaction[2]));
            }
        }

        assertThat(disbursed).isEqualByComparingTo(ledger.at("/disbursed/value").asText())
                .isEqualByComparingTo(SeededStack.LABOR_DISBURSED);
        assertThat(committed).isEqualByComparingTo(ledger.at("/obligated/value").asText())
                .isEqualByComparingTo("40000000.00");
        assertThat(transactions(activity)).hasSize(6);
        assertThat(attribute(activity, "budget", "type")).isEqualTo("1");
        assertThat(activity.getElementsByTagName("budget").item(0).getTextContent().trim())
                .isEqualTo(ledger.at("/pledged/value").asText());
    }

    /** Pledge (revised), obligation, disbursements, a reversal, an indicator measured, evidence, fulfilment. */
    private void logFullCourse() {
        if (stack.queries.call("/api/commitments/" + FULL).as("officer").get().status() == 200) {
            return;
        }
        String at = "/api/commitments/" + FULL;
        stack.post("/api/commitments", """
                {"id": "%s", "title": "Labor rights training", "summary": "Train labor inspectors in Mexico.",
                 "category": "LABOR", "parties": ["US", "MX"], "leadAgencies": ["Department of Labor"],
                 "announcedOn": "2021-06-08", "dueBy": "2023-06-07",
                 "source": {"title": "Joint Statement", "url": "https://www.whitehouse.gov/statement",
                            "publishedOn": "2021-06-15"}}""".formatted(FULL));
        stack.post(at + "/pledges", """
                {"pledgeId": "training", "amount": {"value": "1000000.00", "currency": "USD"},
                 "periodFrom": "2021-06-08", "periodTo": "2023-06-07", "fundingSource": "Department of Labor",
                 "occurredOn": "2021-06-08"}""");
        stack.post(at + "/pledges/training/revise", """
                {"newAmount": {"value": "900000.00", "currency": "USD"}, "reason": "Budget cut.",
                 "occurredOn": "2021-08-01"}""");
        stack.post(at + "/obligations", """
                {"obligationId": "award-1", "amount": {"value": "600000.00", "currency": "USD"},
                 "obligatedOn": "2021-09-15", "implementingPartner": "International Labour Organization"}""");
        stack.post(at + "/disbursements", """
                {"disbursementId": "v-1", "amount": {"value": "250000.00", "currency": "USD"},
                 "disbursedOn": "2021-11-02", "recipient": "International Labour Organization", "obligationId": "award-1"}""");
        stack.post(at + "/disbursements/v-1/reverse", """
                {"reason": "Voucher entered twice.", "reversedOn": "2021-11-20"}""");
        stack.post(at + "/disbursements", """
                {"disbursementId": "v-2", "amount": {"value": "100000.00", "currency": "USD"},
                 "disbursedOn": "2022-01-10", "recipient": "International Labour Organization", "obligationId": "award-1"}""");
        stack.post(at + "/indicators", """
                {"indicatorId": "inspectors", "name": "Inspectors trained", "unit": "people", "baseline": "0",
                 "target": "100", "targetDate": "2023-06-07", "occurredOn": "2021-06-08"}""");
        stack.post(at + "/indicators/inspectors/measurements", """
                {"value": "40", "measuredOn": "2022-02-01", "source": "Training records"}""");
        stack.post(at + "/evidence", """
                {"evidenceId": "report-2021", "title": "Annual report 2021", "url": "https://www.dol.gov/report-2021",
                 "capturedOn": "2022-02-02"}""");
        stack.post(at + "/assessments", """
                {"rating": "ACHIEVED", "rationale": "Done.", "assessedOn": "2023-06-01"}""");
        long version = stack.post(at + "/fulfil", """
                {"fulfilledOn": "2023-06-01", "summary": "All inspectors trained."}""");
        stack.awaitReadModels(FULL, version);
    }

    private String activities() {
        Response answer = stack.queries.call("/public/iati/activities.xml").get();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/xml");
        return answer.body();
    }

    private static void validate(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        URL xsd = IatiActivityFileTest.class.getResource("/iati-2.03/iati-activities-schema.xsd");
        Schema schema = factory.newSchema(xsd);
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException invalid) {
            throw new AssertionError("not valid IATI 2.03: " + invalid.getMessage() + "\n" + xml, invalid);
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document document, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static Element activity(Document document, String identifier) {
        NodeList activities = document.getElementsByTagName("iati-activity");
        for (int i = 0; i < activities.getLength(); i++) {
            Element activity = (Element) activities.item(i);
            if (activity.getElementsByTagName("iati-identifier").item(0).getTextContent().equals(identifier)) {
                return activity;
            }
        }
        throw new AssertionError("no activity " + identifier);
    }

    private static String attribute(Element activity, String tag, String attribute) {
        return ((Element) activity.getElementsByTagName(tag).item(0)).getAttribute(attribute);
    }

    /** {type code, date, value} of each transaction, in the file's order. */
    private static List<String[]> transactions(Element activity) {
        List<String[]> transactions = new ArrayList<>();
        NodeList nodes = activity.getElementsByTagName("transaction");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element transaction = (Element) nodes.item(i);
            transactions.add(new String[]{attribute(transaction, "transaction-type", "code"),
                    attribute(transaction, "transaction-date", "iso-date"),
                    transaction.getElementsByTagName("value").item(0).getTextContent()});
        }
        return transactions;
    }
}
