package org.commitmenttracker.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bodies, malformed or just past a rule of domain.md, sent over real HTTP to every
 * command endpoint. Each starts from a valid body and takes exactly one change that must get it
 * refused, so whatever jqwik generates, the answer is a 4xx problem document whose {@code status}
 * is the HTTP status, and no commitment gains an event.
 */
class CommandBodyProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DAY_BEFORE_ANNOUNCEMENT = "2021-06-07";
    private static final String SURROGATE_MARK = "SURROGATE-HERE";

    private static TrackerHttp commands;
    private static Connection owner;
    /** The one commitment every endpoint is aimed at, with a child of every kind. */
    private static String commitmentId;
    private static long version;

    // --- what is generated

    /** Which commitment and child a request names: those set up, or ids that exist nowhere. */
    private enum Target { EXISTING, UNKNOWN_COMMITMENT, UNKNOWN_CHILD }

    /** The kind of a body field, which decides the changes that make it invalid. */
    private enum Kind {
        TEXT, LINES, SLUG, DATE, FACT_DATE, MONEY, DECIMAL, ENUM, TEXTS, LIST, OBJECT, URL, HEX;

        boolean isText() {
            return this == TEXT || this == LINES;
        }

        boolean isDate() {
            return this == DATE || this == FACT_DATE;
        }

        /** Sent as a JSON string, so a number or a boolean in its place is a wrong type. */
        boolean isString() {
            return isText() || isDate() || this == SLUG || this == ENUM || this == URL || this == HEX;
        }
    }

    /**
     * A field of a body at a dotted path ({@code amount}, {@code source.title}, {@code parties.0}).
     * {@code max} is its maximum length, or for a list its maximum number of items.
     */
    private record Field(String path, Kind kind, boolean required, int max) {
    }

    /** A rule of domain.md a valid-looking body breaks, and the status that says so. */
    private record Boundary(String rule, int status, Consumer<Draft> change) {
    }

    /**
     * A command endpoint: its path ({@code {id}} the commitment, {@code {child}} the child it
     * acts on), a valid body ({@code {fresh}} becomes ids of its own), the fields of that body,
     * and the rules a body may break there.
     */
    private record Endpoint(String name, String method, String path, String child, String body, List<Field> fields,
                            List<Boundary> boundaries) {

        List<Field> fields(Predicate<Field> which) {
            return fields.stream().filter(which).toList();
        }

        boolean namesACommitment() {
            return path.contains("{id}");
        }

        boolean namesAChild() {
            return path.contains("{child}");
        }
    }

    /**
     * One invalidating change. A {@code domainLevel} one passes Bean Validation and is refused by
     * the aggregate, so on a commitment or child that does not exist it is a 404 rather than a 400.
     */
    private record Mutation(String kind, String detail, boolean domainLevel, Consumer<Draft> change) {
    }

    /** A request as sent, what it tried, and the versions it must leave as they are. */
    private record Attempt(String endpoint, String change, String method, String path, String contentType,
                           String body, int expectedStatus, Map<String, Long> versions) {
        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "...(" + body.length() + " chars)" : body;
            return endpoint + " / " + change + ": " + method + " " + path + " [" + contentType + "] " + shown;
        }
    }

    /** A request being built from a valid body: mutable only while one attempt is generated. */
    private static final class Draft {
        final Endpoint endpoint;
        final String fresh;
        final Map<String, Long> versions = new LinkedHashMap<>();
        String commitment = commitmentId;
        String child;
        String contentType = "application/json";
        ObjectNode json;
        String raw;

        Draft(Endpoint endpoint, String fresh, Target target) {
            this.endpoint = endpoint;
            this.fresh = fresh;
            this.child = endpoint.child();
            this.json = (ObjectNode) parse(endpoint.body().replace("{fresh}", fresh));
            versions.put(commitmentId, version);
            // A body that announces a commitment names a new one: it must stay without events.
            if (json.has("id")) {
                versions.put(json.get("id").asText(), 0L);
            }
            if (json.has("commitments")) {
                versions.put(json.get("commitments").get(0).get("id").asText(), 0L);
            }
            if (target == Target.UNKNOWN_COMMITMENT) {
                commitment = "props-unknown-" + fresh;
                versions.put(commitment, 0L);
            } else if (target == Target.UNKNOWN_CHILD) {
                child = "unknown-" + fresh;
            }
        }

        String path() {
            return endpoint.path().replace("{id}", commitment).replace("{child}", child == null ? "" : child);
        }

        String text(String path) {
            return node(path).asText();
        }

        JsonNode node(String path) {
            JsonNode node = json;
            for (String step : path.split("\\.")) {
                node = node.isArray() ? node.get(Integer.parseInt(step)) : node.get(step);
            }
            return node;
        }

        void set(String path, JsonNode value) {
            JsonNode parent = parent(path);
            String last = last(path);
            if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(last), value);
            } else {
                ((ObjectNode) parent).set(last, value);
            }
        }

        void set(String path, String value) {
            set(path, NODES.textNode(value));
        }

        void remove(String path) {
            ((ObjectNode) parent(path)).remove(last(path));
        }

        private JsonNode parent(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? json : node(path.substring(0, dot));
        }

        private static String last(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        Attempt attempt(String change, int expectedStatus) {
            String body = raw != null ? raw : write(json);
            return new Attempt(endpoint.name(), change, endpoint.method(), path(), contentType, body, expectedStatus,
                    Map.copyOf(versions));
        }
    }

    // --- the endpoints of api.md, each with a valid body

    private static final List<Endpoint> ENDPOINTS = endpoints();

    private static List<Endpoint> endpoints() {
        String base = "/api/commitments/{id}";
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("announce", "POST", "/api/commitments", null, """
                {"id": "props-new-{fresh}", "title": "Strengthen Labor Cooperation",
                 "summary": "Invest an additional $130 million over three years.\\nWork with Mexico on labor law.",
                 "category": "LABOR", "parties": ["US", "MX"], "leadAgencies": ["Department of Labor"],
                 "announcedOn": "2021-06-08", "dueBy": "2024-06-07",
                 "source": {"title": "Vice President Harris Visit", "url": "https://www.whitehouse.gov/fact-sheet",
                            "publishedOn": "2021-06-15"}}""",
                List.of(optional("id", Kind.SLUG), required("title", Kind.TEXT, 300),
                        required("summary", Kind.LINES, 10_000), required("category", Kind.ENUM),
                        required("parties", Kind.TEXTS, 50), optional("parties.0", Kind.TEXT, 100),
                        optional("leadAgencies", Kind.TEXTS, 50), optional("leadAgencies.0", Kind.TEXT, 200),
                        required("announcedOn", Kind.DATE), optional("dueBy", Kind.DATE),
                        required("source", Kind.OBJECT), required("source.title", Kind.TEXT, 300),
                        optional("source.url", Kind.URL, 2000), optional("source.publishedOn", Kind.DATE)),
                List.of(new Boundary("announced two days ahead", 400, d -> d.set("announcedOn", twoDaysAhead())),
                        new Boundary("due before announced", 400, d -> d.set("dueBy", DAY_BEFORE_ANNOUNCEMENT)),
                        new Boundary("id already taken", 409, d -> d.set("id", commitmentId)))));

        endpoints.add(new Endpoint("revise", "PATCH", base, null, """
                {"title": "Strengthen Labor Cooperation (revised)", "summary": "Over four years.",
                 "dueBy": "2025-06-07", "leadAgencies": ["Department of Labor", "USAID"],
                 "reason": "The partners agreed on a longer period.", "occurredOn": "2021-10-01"}""",
                List.of(optional("title", Kind.TEXT, 300), optional("summary", Kind.LINES, 10_000),
                        optional("dueBy", Kind.DATE), optional("leadAgencies", Kind.TEXTS, 50),
                        optional("leadAgencies.0", Kind.TEXT, 200), required("reason", Kind.LINES, 5000),
                        optional("occurredOn", Kind.FACT_DATE)),
                List.of(new Boundary("a revision that changes nothing", 400, d -> {
                            Stream.of("title", "summary", "dueBy", "leadAgencies").forEach(d::remove);
                        }),
                        new Boundary("due before the announcement", 409, d -> d.set("dueBy", DAY_BEFORE_ANNOUNCEMENT)))));

        endpoints.add(new Endpoint("schedule dialogue", "POST", base + "/dialogues", null, """
                {"dialogueId": "dialogue-{fresh}", "name": "Labor dialogue", "plannedFrom": "2021-09-01",
                 "plannedTo": "2021-09-30", "location": "Mexico City", "occurredOn": "2021-06-08"}""",
                List.of(optional("dialogueId", Kind.SLUG), required("name", Kind.TEXT, 300),
                        required("plannedFrom", Kind.DATE), required("plannedTo", Kind.DATE),
                        optional("location", Kind.TEXT, 300), optional("occurredOn", Kind.FACT_DATE)),
                List.of(new Boundary("planned to before planned from", 400, d -> d.set("plannedTo", "2021-08-31")),
                        new Boundary("dialogue id taken with other content", 409, d -> d.set("dialogueId", "hled-2021")))));

        endpoints.add(new Endpoint("reschedule dialogue", "POST", base + "/dialogues/{child}/reschedule", "hled-2021", """
                {"plannedFrom": "2021-09-08", "plannedTo": "2021-09-10", "reason": "The delegations met a week later.",
                 "occurredOn": "2021-08-20"}""",
                List.of(required("plannedFrom", Kind.DATE), required("plannedTo", Kind.DATE),
                        required("reason", Kind.LINES, 5000), optional("occurredOn", Kind.FACT_DATE)),
                List.of(new Boundary("planned to before planned from", 400, d -> d.set("plannedTo", "2021-09-07")))));

        endpoints.add(new Endpoint("mark dialogue held", "POST", base + "/dialogues/{child}/mark-held", "hled-2021", """
                {"heldOn": "2021-09-09", "location": "Washington, D.C.", "outcomes": ["A work plan on supply chains"],
                 "communiqueUrl": "https://www.state.gov/hled-2021"}""",
                List.of(required("heldOn", Kind.FACT_DATE), required("location", Kind.TEXT, 300),
                        optional("outcomes", Kind.TEXTS, 100), optional("outcomes.0", Kind.LINES, 2000),
                        optional("communiqueUrl", Kind.URL, 2000)),
                List.of()));

        endpoints.add(new Endpoint("cancel dialogue", "POST", base + "/dialogues/{child}/cancel", "hled-2021", """
                {"reason": "Postponed without a new date.", "occurredOn": "2021-08-20"}""",
                List.of(required("reason", Kind.LINES, 5000), optional("occurredOn", Kind.FACT_DATE)),
                List.of()));

        endpoints.add(new Endpoint("pledge", "POST", base + "/pledges", null, """
                {"pledgeId": "pledge-{fresh}", "amount": {"value": "1000.00", "currency": "USD"},
                 "periodFrom": "2021-06-08", "periodTo": "2024-06-07", "fundingSource": "Department of Labor",
                 "occurredOn": "2021-06-08"}""",
                List.of(optional("pledgeId", Kind.SLUG), required("amount", Kind.MONEY),
                        required("periodFrom", Kind.DATE), required("periodTo", Kind.DATE),
                        required("fundingSource", Kind.TEXT, 300), optional("occurredOn", Kind.FACT_DATE)),
                List.of(foreignCurrency("amount"),
                        new Boundary("period of no length", 400, d -> d.set("periodTo", d.text("periodFrom"))),
                        new Boundary("pledge id taken with other content", 409, d -> d.set("pledgeId", "pledge-1")))));

        endpoints.add(new Endpoint("revise pledge", "POST", base + "/pledges/{child}/revise", "pledge-1", """
                {"newAmount": {"value": "1200000.00", "currency": "USD"}, "reason": "Congress added funds.",
                 "occurredOn": "2021-10-01"}""",
                List.of(required("newAmount", Kind.MONEY), required("reason", Kind.LINES, 5000),
                        optional("occurredOn", Kind.FACT_DATE)),
                List.of(foreignCurrency("newAmount"),
                        new Boundary("one cent below what is obligated", 409,
                                d -> d.set("newAmount.value", "599999.99")))));

        endpoints.add(new Endpoint("obligate", "POST", base + "/obligations", null, """
                {"obligationId": "award-{fresh}", "amount": {"value": "1000.00", "currency": "USD"},
                 "obligatedOn": "2021-10-01", "implementingPartner": "International Labour Organization"}""",
                List.of(required("obligationId", Kind.SLUG), required("amount", Kind.MONEY),
                        required("obligatedOn", Kind.FACT_DATE), required("implementingPartner", Kind.TEXT, 300)),
                List.of(foreignCurrency("amount"),
                        new Boundary("one cent more than pledged", 409, d -> d.set("amount.value", "400000.01")),
                        new Boundary("award taken with other content", 409, d -> d.set("obligationId", "award-1")))));

        endpoints.add(new Endpoint("disburse", "POST", base + "/disbursements", null, """
                {"disbursementId": "voucher-{fresh}", "amount": {"value": "1000.00", "currency": "USD"},
                 "disbursedOn": "2021-11-02", "recipient": "Centro de Derechos Laborales", "obligationId": "award-1",
                 "note": "First tranche.\\nPaid by wire."}""",
                List.of(required("disbursementId", Kind.SLUG), required("amount", Kind.MONEY),
                        required("disbursedOn", Kind.FACT_DATE), required("recipient", Kind.TEXT, 300),
                        optional("obligationId", Kind.SLUG), optional("note", Kind.LINES, 5000)),
                List.of(foreignCurrency("amount"),
                        new Boundary("one cent more than obligated", 409, d -> d.set("amount.value", "350000.01")),
                        new Boundary("unknown obligation", 404, d -> d.set("obligationId", "award-" + d.fresh)),
                        new Boundary("voucher taken with other content", 409, d -> d.set("disbursementId", "voucher-1")))));

        endpoints.add(new Endpoint("reverse disbursement", "POST", base + "/disbursements/{child}/reverse", "voucher-1", """
                {"reason": "Voucher entered twice.", "reversedOn": "2021-11-20"}""",
                List.of(required("reason", Kind.LINES, 5000), required("reversedOn", Kind.FACT_DATE)),
                List.of(new Boundary("reversed before it was disbursed", 409, d -> d.set("reversedOn", "2021-11-01")))));

        endpoints.add(new Endpoint("set milestone", "POST", base + "/milestones", null, """
                {"milestoneId": "milestone-{fresh}", "description": "Labor reform in force in all states.",
                 "dueBy": "2023-05-01", "occurredOn": "2021-06-08"}""",
                List.of(optional("milestoneId", Kind.SLUG), required("description", Kind.LINES, 2000),
                        required("dueBy", Kind.DATE), optional("occurredOn", Kind.FACT_DATE)),
                List.of(new Boundary("due before the announcement", 409, d -> d.set("dueBy", DAY_BEFORE_ANNOUNCEMENT)),
                        new Boundary("milestone id taken with other content", 409,
                                d -> d.set("milestoneId", "milestone-1")))));

        endpoints.add(new Endpoint("mark milestone achieved", "POST", base + "/milestones/{child}/mark-achieved",
                "milestone-1", """
                {"achievedOn": "2022-04-01", "note": "Reported by the ILO."}""",
                List.of(required("achievedOn", Kind.FACT_DATE), optional("note", Kind.LINES, 5000)),
                List.of()));

        endpoints.add(new Endpoint("define indicator", "POST", base + "/indicators", null, """
                {"indicatorId": "indicator-{fresh}", "name": "Workers covered by new contracts", "unit": "workers",
                 "baseline": "0", "target": 1000000.5, "targetDate": "2024-06-07", "occurredOn": "2021-06-08"}""",
                List.of(optional("indicatorId", Kind.SLUG), required("name", Kind.TEXT, 300),
                        required("unit", Kind.TEXT, 100), required("baseline", Kind.DECIMAL),
                        required("target", Kind.DECIMAL), optional("targetDate", Kind.DATE),
                        optional("occurredOn", Kind.FACT_DATE)),
                List.of(new Boundary("indicator id taken with other content", 409,
                        d -> d.set("indicatorId", "indicator-1")))));

        endpoints.add(new Endpoint("measure", "POST", base + "/indicators/{child}/measurements", "indicator-1", """
                {"measurementId": "measurement-{fresh}", "value": "1250.5", "measuredOn": "2022-01-31",
                 "source": "Secretaría del Trabajo"}""",
                List.of(optional("measurementId", Kind.SLUG), required("value", Kind.DECIMAL),
                        required("measuredOn", Kind.FACT_DATE), required("source", Kind.TEXT, 300)),
                List.of()));

        endpoints.add(new Endpoint("sign agreement", "POST", base + "/agreements", null, """
                {"agreementId": "agreement-{fresh}", "title": "Memorandum of understanding on labor",
                 "signedOn": "2021-06-08", "signatories": ["Secretary of Labor", "Secretaria del Trabajo"]}""",
                List.of(optional("agreementId", Kind.SLUG), required("title", Kind.TEXT, 500),
                        required("signedOn", Kind.FACT_DATE), required("signatories", Kind.TEXTS, 50),
                        optional("signatories.0", Kind.TEXT, 300)),
                List.of(new Boundary("agreement id taken with other content", 409,
                        d -> d.set("agreementId", "agreement-1")))));

        endpoints.add(new Endpoint("assess", "POST", base + "/assessments", null, """
                {"rating": "IN_PROGRESS", "rationale": "Funds flow.\\nThe reform is under way.",
                 "assessedOn": "2022-06-01"}""",
                List.of(required("rating", Kind.ENUM), required("rationale", Kind.LINES, 5000),
                        required("assessedOn", Kind.FACT_DATE)),
                List.of()));

        endpoints.add(new Endpoint("attach evidence", "POST", base + "/evidence", null, """
                {"evidenceId": "evidence-{fresh}", "title": "ILO project page", "url": "https://www.ilo.org/projects/mexico",
                 "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "capturedOn": "2022-02-01"}""",
                List.of(optional("evidenceId", Kind.SLUG), required("title", Kind.TEXT, 500),
                        required("url", Kind.URL, 2000), optional("sha256", Kind.HEX),
                        required("capturedOn", Kind.FACT_DATE)),
                List.of(new Boundary("evidence id taken with other content", 409,
                        d -> d.set("evidenceId", "evidence-1")))));

        endpoints.add(new Endpoint("fulfil", "POST", base + "/fulfil", null, """
                {"fulfilledOn": "2024-06-01", "summary": "All funds disbursed.\\nThe reform is in force."}""",
                List.of(required("fulfilledOn", Kind.FACT_DATE), required("summary", Kind.LINES, 10_000)),
                List.of()));

        endpoints.add(new Endpoint("withdraw", "POST", base + "/withdraw", null, """
                {"withdrawnOn": "2022-01-01", "reason": "Superseded by a new agreement."}""",
                List.of(required("withdrawnOn", Kind.FACT_DATE), required("reason", Kind.LINES, 5000)),
                List.of()));

        String sheet = "commitments.0";
        endpoints.add(new Endpoint("import fact sheet", "POST", "/api/imports/fact-sheets", null, """
                {"source": {"title": "Vice President Harris Visit", "url": "https://www.whitehouse.gov/fact-sheet",
                            "publishedOn": "2021-06-15"},
                 "announcedOn": "2021-06-08", "parties": ["US", "MX"],
                 "commitments": [{
                   "id": "props-sheet-{fresh}", "title": "Strengthen Labor Cooperation",
                   "summary": "Invest an additional $130 million.\\nOver three years.", "category": "LABOR",
                   "leadAgencies": ["Department of Labor"], "dueBy": "2024-06-07",
                   "dialogues": [{"dialogueId": "labor-dialogue", "name": "Labor dialogue", "plannedFrom": "2021-09-01",
                                  "plannedTo": "2021-09-30", "location": "Mexico City"}],
                   "pledges": [{"pledgeId": "labor-pledge", "amount": {"value": "130000000.00", "currency": "USD"},
                                "periodFrom": "2021-06-08", "periodTo": "2024-06-07", "fundingSource": "Department of Labor"}],
                   "indicators": [{"indicatorId": "workers", "name": "Workers covered", "unit": "workers",
                                   "baseline": 0, "target": "82000", "targetDate": "2024-06-07"}],
                   "agreements": [{"agreementId": "labor-mou", "title": "Memorandum of understanding",
                                   "signedOn": "2021-06-08", "signatories": ["US", "MX"]}]}]}""",
                List.of(required("source", Kind.OBJECT), required("source.title", Kind.TEXT, 300),
                        optional("source.url", Kind.URL, 2000), optional("source.publishedOn", Kind.DATE),
                        required("announcedOn", Kind.DATE), required("parties", Kind.TEXTS, 50),
                        optional("parties.0", Kind.TEXT, 100), required("commitments", Kind.LIST),
                        required(sheet + ".id", Kind.SLUG), required(sheet + ".title", Kind.TEXT, 300),
                        required(sheet + ".summary", Kind.LINES, 10_000), required(sheet + ".category", Kind.ENUM),
                        optional(sheet + ".leadAgencies", Kind.TEXTS, 50),
                        optional(sheet + ".leadAgencies.0", Kind.TEXT, 200), optional(sheet + ".dueBy", Kind.DATE),
                        optional(sheet + ".dialogues", Kind.LIST),
                        required(sheet + ".dialogues.0.dialogueId", Kind.SLUG),
                        required(sheet + ".dialogues.0.name", Kind.TEXT, 300),
                        required(sheet + ".dialogues.0.plannedFrom", Kind.DATE),
                        required(sheet + ".dialogues.0.plannedTo", Kind.DATE),
                        optional(sheet + ".dialogues.0.location", Kind.TEXT, 300),
                        optional(sheet + ".pledges", Kind.LIST),
                        required(sheet + ".pledges.0.pledgeId", Kind.SLUG),
                        required(sheet + ".pledges.0.amount", Kind.MONEY),
                        required(sheet + ".pledges.0.periodFrom", Kind.DATE),
                        required(sheet + ".pledges.0.periodTo", Kind.DATE),
                        required(sheet + ".pledges.0.fundingSource", Kind.TEXT, 300),
                        optional(sheet + ".indicators", Kind.LIST),
                        required(sheet + ".indicators.0.indicatorId", Kind.SLUG),
                        required(sheet + ".indicators.0.name", Kind.TEXT, 300),
                        required(sheet + ".indicators.0.unit", Kind.TEXT, 100),
                        required(sheet + ".indicators.0.baseline", Kind.DECIMAL),
                        required(sheet + ".indicators.0.target", Kind.DECIMAL),
                        optional(sheet + ".indicators.0.targetDate", Kind.DATE),
                        optional(sheet + ".agreements", Kind.LIST),
                        required(sheet + ".agreements.0.agreementId", Kind.SLUG),
                        required(sheet + ".agreements.0.title", Kind.TEXT, 500),
                        required(sheet + ".agreements.0.signedOn", Kind.FACT_DATE),
                        required(sheet + ".agreements.0.signatories", Kind.TEXTS, 50),
                        optional(sheet + ".agreements.0.signatories.0", Kind.TEXT, 300)),
                List.of(new Boundary("announced two days ahead", 400, d -> d.set("announcedOn", twoDaysAhead())),
                        new Boundary("known commitment, its dialogue with other content", 409, d -> {
                            d.set(sheet + ".id", commitmentId);
                            d.set(sheet + ".dialogues.0.dialogueId", "hled-2021");
                        }))));
        return List.copyOf(endpoints);
    }

    private static Field required(String path, Kind kind) {
        return new Field(path, kind, true, 0);
    }

    private static Field required(String path, Kind kind, int max) {
        return new Field(path, kind, true, max);
    }

    private static Field optional(String path, Kind kind) {
        return new Field(path, kind, false, 0);
    }

    private static Field optional(String path, Kind kind, int max) {
        return new Field(path, kind, false, max);
    }

    private static Boundary foreignCurrency(String money) {
        return new Boundary("money in another currency", 409, d -> d.set(money + ".currency", "EUR"));
    }

    /** Beyond the day of slack domain.md grants for time zones. */
    private static String twoDaysAhead() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
    }

    // --- one commitment with a child of every kind

    @BeforeContainer
    static void oneCommitmentWithAChildOfEveryKind() throws SQLException {
        RunningSystem system = RunningSystem.shared();
        commands = system.commands();
        commitmentId = Bodies.newId();
        Officer officer = new Officer(commands);
        String base = "/api/commitments/" + commitmentId;
        officer.post("/api/commitments", Bodies.announcement(commitmentId));
        officer.post(base + "/pledges", Bodies.pledge("pledge-1", "1000000.00", "USD"));
        officer.post(base + "/obligations", Bodies.obligation("award-1", "600000.00"));
        officer.post(base + "/disbursements", """
                {"disbursementId": "voucher-1", "amount": {"value": "250000.00", "currency": "USD"},
                 "disbursedOn": "2021-11-02", "recipient": "Centro de Derechos Laborales", "obligationId": "award-1"}""");
        officer.post(base + "/dialogues", Bodies.dialogue("hled-2021"));
        officer.post(base + "/milestones", """
                {"milestoneId": "milestone-1", "description": "Reform passed.", "dueBy": "2022-12-31"}""");
        officer.post(base + "/indicators", """
                {"indicatorId": "indicator-1", "name": "Inspections", "unit": "inspections", "baseline": 0,
                 "target": 500}""");
        officer.post(base + "/agreements", """
                {"agreementId": "agreement-1", "title": "Letter of intent", "signedOn": "2021-06-08",
                 "signatories": ["US", "MX"]}""");
        officer.post(base + "/evidence", """
                {"evidenceId": "evidence-1", "title": "Fact sheet", "url": "https://www.whitehouse.gov/fact-sheet",
                 "capturedOn": "2021-06-15"}""");
        version = system.eventCount(commitmentId);
        owner = system.ownerConnection();
    }

    @AfterContainer
    static void closeConnection() throws SQLException {
        if (owner != null) {
            owner.close();
        }
    }

    // --- the properties
    // The mutations are the edge cases; jqwik's own would crowd out the kinds that fit few fields.

    @Property(tries = 800, edgeCases = EdgeCasesMode.NONE)
    void malformedBodiesNeverChangeACommitment(@ForAll("malformedRequests") Attempt attempt) throws SQLException {
        Response answer = send(attempt);

        Statistics.label("mutation").collect(attempt.change().substring(0, attempt.change().indexOf(':')));
        Statistics.label("status").collect(answer.status());
        Statistics.label("endpoint").collect(attempt.endpoint());
        Statistics.label("endpoint").coverage(coverage ->
                ENDPOINTS.forEach(endpoint -> coverage.check(endpoint.name()).count(count -> count > 0)));
        assertRefusedAndNothingRecorded(attempt, answer);
    }

    @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
    void bodiesJustPastARuleAreRefusedAndChangeNothing(@ForAll("boundaryRequests") Attempt attempt)
            throws SQLException {
        Response answer = send(attempt);

        Statistics.label("rule").collect(attempt.change());
        Statistics.label("status").collect(answer.status());
        Statistics.label("endpoint").collect(attempt.endpoint());
        Statistics.label("endpoint").coverage(coverage ->
                ENDPOINTS.forEach(endpoint -> coverage.check(endpoint.name()).count(count -> count > 0)));
        assertRefusedAndNothingRecorded(attempt, answer);
    }

    private static Response send(Attempt attempt) {
        return commands.call(attempt.path()).as("officer").send(attempt.method(), attempt.body(), attempt.contentType());
    }

    private static void assertRefusedAndNothingRecorded(Attempt attempt, Response answer) throws SQLException {
        assertThat(answer.status()).as("never a success nor a 5xx: %s", answer).isBetween(400, 499);
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(attempt.expectedStatus());
        assertThat(answer.contentType()).as("content type of %s", answer).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).as("status in %s", answer).isEqualTo(answer.status());
        assertThat(problem.path("title").asText()).as("title in %s", answer).isNotBlank();
        assertThat(answer.body()).as("no internals in %s", answer)
                .doesNotContain("Exception", "com.fasterxml", "org.springframework", "java.lang", "java.time");
        assertThat(versions(attempt.versions().keySet())).as("versions after %s", answer)
                .isEqualTo(attempt.versions());
    }

    // --- generators

    @Provide
    Arbitrary<Attempt> malformedRequests() {
        return Arbitraries.of(ENDPOINTS).flatMap(endpoint ->
                Combinators.combine(targets(endpoint), fresh(), malformations(endpoint)).as((target, fresh, mutation) -> {
                    Draft draft = new Draft(endpoint, fresh, target);
                    mutation.change().accept(draft);
                    int expected = mutation.kind().equals("wrong content type") ? 415
                            : mutation.domainLevel() && target != Target.EXISTING ? 404 : 400;
                    return draft.attempt(mutation.kind() + ": " + mutation.detail(), expected);
                }));
    }

    @Provide
    Arbitrary<Attempt> boundaryRequests() {
        return Arbitraries.of(ENDPOINTS).flatMap(endpoint ->
                Combinators.combine(Arbitraries.of(boundaries(endpoint)), fresh()).as((boundary, fresh) -> {
                    Draft draft = new Draft(endpoint, fresh, Target.EXISTING);
                    boundary.change().accept(draft);
                    return draft.attempt(boundary.rule(), boundary.status());
                }));
    }

    private static Arbitrary<Target> targets(Endpoint endpoint) {
        if (!endpoint.namesACommitment()) {
            return Arbitraries.just(Target.EXISTING);
        }
        if (endpoint.namesAChild()) {
            return Arbitraries.frequency(Tuple.of(4, Target.EXISTING), Tuple.of(1, Target.UNKNOWN_COMMITMENT),
                    Tuple.of(1, Target.UNKNOWN_CHILD));
        }
        return Arbitraries.frequency(Tuple.of(5, Target.EXISTING), Tuple.of(1, Target.UNKNOWN_COMMITMENT));
    }

    /** Ids of the attempt's own, so that no two attempts name the same new child. */
    private static Arbitrary<String> fresh() {
        return Arbitraries.strings().withCharRange('a', 'z').ofLength(10);
    }

    /** The rules of the endpoint, and those every endpoint has: its dates and the ids in its path. */
    private static List<Boundary> boundaries(Endpoint endpoint) {
        List<Boundary> boundaries = new ArrayList<>(endpoint.boundaries());
        for (Field date : endpoint.fields(field -> field.kind() == Kind.FACT_DATE)) {
            boundaries.add(new Boundary(date.path() + " two days ahead", 400, d -> d.set(date.path(), twoDaysAhead())));
            boundaries.add(new Boundary(date.path() + " before 1900", 400, d -> d.set(date.path(), "1899-12-31")));
        }
        if (endpoint.namesACommitment()) {
            boundaries.add(new Boundary("unknown commitment", 404, d -> {
                d.commitment = "props-unknown-" + d.fresh;
                d.versions.put(d.commitment, 0L);
            }));
        }
        if (endpoint.namesAChild()) {
            boundaries.add(new Boundary("unknown child", 404, d -> d.child = "unknown-" + d.fresh));
        }
        return boundaries;
    }

    /** Exactly one change that makes the body invalid, of a kind chosen first, then its field. */
    private static Arbitrary<Mutation> malformations(Endpoint endpoint) {
        List<Arbitrary<Mutation>> kinds = new ArrayList<>();
        offer(kinds, endpoint.fields(Field::required), field -> Arbitraries.just(
                new Mutation("drop a required field", field.path(), false, d -> d.remove(field.path()))));
        offer(kinds, endpoint.fields(field -> field.required() && (field.kind().isText() || field.kind() == Kind.TEXTS)),
                field -> Arbitraries.just(new Mutation("blank a required field", field.path(), false,
                        d -> d.set(field.path(), field.kind() == Kind.TEXTS ? NODES.arrayNode() : NODES.textNode("   ")))));
        offer(kinds, endpoint.fields(), field -> Arbitraries.of(wrongTypes(field.kind())).map(value ->
                new Mutation("wrong JSON type", field.path() + " = " + value, false, d -> d.set(field.path(), value))));
        offer(kinds, endpoint.fields(field -> field.kind().isText() || field.kind() == Kind.URL), field ->
                Combinators.combine(Arbitraries.of('\u0000', '\u0007', '\u001b'), Arbitraries.integers().between(0, 100))
                        .as((control, at) -> new Mutation("control character",
                                field.path() + " with U+" + String.format("%04X", (int) control), false,
                                d -> d.set(field.path(), insert(d.text(field.path()), control, at)))));
        offer(kinds, endpoint.fields(field -> field.max() > 0), field -> Arbitraries.just(
                new Mutation("over its maximum length", field.path() + " of " + (field.max() + 1), false,
                        d -> d.set(field.path(), overMaximum(d.node(field.path()), field)))));
        offer(kinds, endpoint.fields(field -> field.kind() == Kind.MONEY), field -> Arbitraries.of(
                amount("three fraction digits", "value", NODES.textNode("10.125"), false),
                amount("three fraction digits", "value", NODES.numberNode(new BigDecimal("0.001")), false),
                amount("zero", "value", NODES.textNode("0.00"), true),
                amount("negative", "value", NODES.textNode("-10.00"), true),
                amount("10^15", "value", NODES.textNode("1000000000000000"), false),
                amount("10^15", "value", NODES.numberNode(new BigDecimal("1E+16")), false),
                amount("non-ISO currency", "currency", NODES.textNode("XYZ"), false),
                amount("non-ISO currency", "currency", NODES.textNode("usd"), false),
                amount("letters in the number", "value", NODES.textNode("12O.00"), false),
                amount("letters in the number", "value", NODES.textNode("ten"), false)).map(amount -> new Mutation(
                "bad amount", field.path() + " " + amount.detail(), amount.domainLevel(),
                d -> d.set(field.path() + "." + amount.kind(), amount.value()))));
        offer(kinds, endpoint.fields(field -> field.kind() == Kind.DECIMAL), field ->
                Arbitraries.of("1.00001", "1000000000000000", "12abc").map(value -> new Mutation("bad number",
                        field.path() + " = " + value, false, d -> d.set(field.path(), value))));
        offer(kinds, endpoint.fields(field -> field.kind().isDate()), field ->
                Arbitraries.of("2021-02-30", "yesterday", "2021-13-01", "08/06/2021", "2021-6-8", "2021-06-08T00:00:00Z",
                        "0000-01-01", "1899-12-31", "-999999999-01-01", "+10000-01-01", "10000-01-01").map(value ->
                        new Mutation("invalid date", field.path() + " = " + value, false, d -> d.set(field.path(), value))));
        offer(kinds, endpoint.fields(field -> field.kind().isDate()), field ->
                Arbitraries.<JsonNode>of(NODES.arrayNode().add(2021).add(6).add(8), NODES.numberNode(18786)).map(value ->
                        new Mutation("date not a string", field.path() + " = " + value, false, d -> d.set(field.path(), value))));
        offer(kinds, endpoint.fields(field -> field.kind().isString()), field ->
                Combinators.combine(Arbitraries.of("\\ud800", "\\udfff", "\\udc00\\ud83d"), Arbitraries.integers().between(0, 100))
                        .as((surrogate, at) -> new Mutation("lone surrogate", field.path() + " with " + surrogate, false, d -> {
                            // Escaped in the JSON: a lone surrogate has no UTF-8 form the client could send otherwise.
                            d.set(field.path(), insert(d.text(field.path()), SURROGATE_MARK, at));
                            d.raw = write(d.json).replace(SURROGATE_MARK, surrogate);
                        })));
        offer(kinds, endpoint.fields(field -> !field.path().contains(".")), field -> Arbitraries.of(true, false).map(same ->
                new Mutation("duplicate key", field.path() + (same ? " twice, same value" : " twice, another value"), false,
                        d -> {
                            String value = same ? write(d.node(field.path())) : "null";
                            d.raw = "{\"" + field.path() + "\": " + value + ", " + write(d.json).substring(1);
                        })));
        kinds.add(Arbitraries.of(" {}", " 7", " x", "]", "}", " {\"id\": \"again\"}", " null").map(tail ->
                new Mutation("content after the JSON value", "'" + tail + "'", false, d -> d.raw = write(d.json) + tail)));
        offer(kinds, endpoint.fields(field -> field.kind() == Kind.SLUG), field ->
                Arbitraries.of("Pledge-One", "pledge one", "a".repeat(81)).map(value ->
                        new Mutation("bad slug", field.path() + " = " + value, false, d -> d.set(field.path(), value))));
        offer(kinds, endpoint.fields(field -> field.kind() == Kind.URL), field ->
                Arbitraries.of("ftp://example.org/file", "www.example.org", "https://exa mple.org").map(value ->
                        new Mutation("bad URL", field.path() + " = " + value, false, d -> d.set(field.path(), value))));
        offer(kinds, endpoint.fields(field -> field.kind() == Kind.HEX), field ->
                Arbitraries.of("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "9f86d0").map(value ->
                        new Mutation("bad hash", field.path() + " = " + value, false, d -> d.set(field.path(), value))));
        offer(kinds, endpoint.fields(field -> field.kind() == Kind.ENUM), field ->
                Arbitraries.of("NOT_A_VALUE", "labor", "").map(value ->
                        new Mutation("bad enum", field.path() + " = '" + value + "'", false, d -> d.set(field.path(), value))));
        List<String> objects = Stream.concat(Stream.of(""), endpoint.fields(field -> field.kind() == Kind.MONEY
                || field.kind() == Kind.OBJECT).stream().map(Field::path)).toList();
        kinds.add(Arbitraries.of(objects).map(object -> new Mutation("unknown extra field",
                (object.isEmpty() ? "" : object + ".") + "unexpected", false,
                d -> d.set((object.isEmpty() ? "" : object + ".") + "unexpected", "x"))));
        kinds.add(Arbitraries.integers().between(1, 99).map(percent -> new Mutation("truncated JSON",
                percent + "% of it", false, d -> {
                    String whole = write(d.json);
                    d.raw = whole.substring(0, Math.max(1, whole.length() * percent / 100));
                })));
        kinds.add(Arbitraries.of(endpoint.fields()).map(field -> new Mutation("nested 100 deep", field.path(), false,
                d -> d.set(field.path(), deeplyNested(100)))));
        kinds.add(Arbitraries.of("array", "string", "empty", "null", "number").map(shape -> new Mutation(
                "not a JSON object", shape, false, d -> d.raw = switch (shape) {
                    case "array" -> "[" + write(d.json) + "]";
                    case "string" -> write(NODES.textNode(write(d.json)));
                    case "empty" -> "";
                    case "null" -> "null";
                    default -> "42";
                })));
        kinds.add(Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/csv")
                .map(type -> new Mutation("wrong content type", type, false, d -> d.contentType = type)));
        if (endpoint.namesACommitment()) {
            List<String> places = endpoint.namesAChild() ? List.of("commitment", "child") : List.of("commitment");
            kinds.add(Combinators.combine(Arbitraries.of(places), Arbitraries.of("Upper-Case", "with%20space", "a".repeat(81)))
                    .as((place, id) -> new Mutation("path id not a slug", place + " = " + id, false, d -> {
                        if (place.equals("child")) {
                            d.child = id;
                        } else {
                            d.commitment = id;
                        }
                    })));
        }
        return Arbitraries.oneOf(kinds);
    }

    private static void offer(List<Arbitrary<Mutation>> kinds, List<Field> fields,
                              Function<Field, Arbitrary<Mutation>> mutations) {
        if (!fields.isEmpty()) {
            kinds.add(Arbitraries.of(fields).flatMap(mutations));
        }
    }

    /** One change to a money object: its value or its currency. */
    private record AmountChange(String detail, String kind, JsonNode value, boolean domainLevel) {
    }

    private static AmountChange amount(String detail, String kind, JsonNode value, boolean domainLevel) {
        return new AmountChange(detail + " (" + kind + " " + value + ")", kind, value, domainLevel);
    }

    /**
     * JSON of another type than the field's. A number where a string belongs is one a lenient
     * reader would turn into text, a date (days since 1970) or an enum constant (its ordinal).
     */
    private static List<JsonNode> wrongTypes(Kind kind) {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.booleanNode(true)));
        if (kind != Kind.MONEY && kind != Kind.OBJECT) {
            values.add(NODES.objectNode().put("x", "y"));
        }
        if (kind != Kind.LIST && kind != Kind.TEXTS) {
            values.add(NODES.arrayNode().add("x").add(1));
        }
        if (kind != Kind.DECIMAL) {
            values.add(NODES.numberNode(kind == Kind.ENUM ? 2 : 20210608));
        }
        if (!kind.isString() && kind != Kind.DECIMAL) {
            // A money value and the decimals of indicators may come as strings; nothing else may.
            values.add(NODES.textNode("x"));
        }
        return values;
    }

    private static String insert(String text, char control, int percent) {
        return insert(text, String.valueOf(control), percent);
    }

    private static String insert(String text, String inserted, int percent) {
        int from = text.startsWith("https://") ? "https://".length() : 0;
        int at = from + (text.length() - from) * percent / 100;
        return text.substring(0, at) + inserted + text.substring(at);
    }

    private static JsonNode overMaximum(JsonNode current, Field field) {
        if (field.kind() == Kind.TEXTS) {
            ArrayNode items = NODES.arrayNode();
            for (int i = 0; i <= field.max(); i++) {
                items.add(current.get(0).asText() + " " + i);
            }
            return items;
        }
        String text = current.asText();
        return NODES.textNode(text + "x".repeat(field.max() + 1 - text.length()));
    }

    private static JsonNode deeplyNested(int depth) {
        JsonNode node = NODES.arrayNode();
        for (int i = 1; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    // --- JSON and the event store

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of events of each commitment, read as the owner role from the event store. */
    private static Map<String, Long> versions(Iterable<String> commitmentIds) throws SQLException {
        Map<String, Long> versions = new LinkedHashMap<>();
        commitmentIds.forEach(id -> versions.put(id, 0L));
        try (PreparedStatement count = owner.prepareStatement("SELECT aggregate_identifier, count(*) "
                + "FROM events.domain_event_entry WHERE aggregate_identifier = ANY (?) GROUP BY aggregate_identifier")) {
            count.setArray(1, owner.createArrayOf("text", versions.keySet().toArray()));
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return versions;
    }
}
