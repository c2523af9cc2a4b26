package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: nothing a client sends as a JSON body yields a 5xx or a stored fact that the API
 * would refuse to read back. Bodies are raw bytes: arbitrary ones, and valid command bodies with
 * bytes flipped, inserted or deleted, cut short, with odd Unicode in a string, a huge number or
 * deep nesting in place of a value, or left as they are. Every answer is below 500; a refusal is a
 * problem document; an accepted command's commitment reads back, detail and history, with the
 * events the answer named.
 */
class RawBodyProperties {

    private static final RunningSystem SYSTEM = RunningSystem.shared();
    private static final TrackerHttp COMMANDS = SYSTEM.commands();
    private static final TrackerHttp QUERIES = SYSTEM.queries();
    private static final Pattern STRING_VALUE = Pattern.compile(": \"[^\"]*\"");
    private static final Pattern AMOUNT_VALUE = Pattern.compile("\"value\": \"[^\"]*\"");

    /** The commitment the child commands are sent to, with a pledge large enough for what follows. */
    private static String commitmentId;

    /** A command endpoint and a valid body of it; {@code {fresh}} in the body becomes ids of its own. */
    private record Template(String name, String path, String body) {
        byte[] body(String fresh) {
            return body.replace("{fresh}", fresh).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A change to the bytes of a valid body: its kind, what exactly, and the change. */
    private record Mutation(String kind, String detail, UnaryOperator<byte[]> change) {

        Mutation(String kind, UnaryOperator<byte[]> change) {
            this(kind, "", change);
        }
    }

    /** A request as sent. */
    private record Sent(String endpoint, String mutation, String detail, String path, byte[] body) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return endpoint + " / " + mutation + " " + detail + ": POST " + path + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "...(" + body.length + " bytes)" : text);
        }
    }

    private static List<Template> templates() {
        String base = "/api/commitments/" + commitmentId;
        return List.of(
                new Template("announce", "/api/commitments", Bodies.announcement("raw-{fresh}")),
                new Template("pledge", base + "/pledges", Bodies.pledge("pledge-{fresh}", "1000.00", "USD")),
                new Template("obligate", base + "/obligations", Bodies.obligation("obligation-{fresh}", "100.00")),
                new Template("disburse", base + "/disbursements", Bodies.disbursement("disbursement-{fresh}", "10.00")),
                new Template("schedule dialogue", base + "/dialogues", Bodies.dialogue("dialogue-{fresh}")),
                new Template("set milestone", base + "/milestones", """
                        {"milestoneId": "milestone-{fresh}", "description": "Labor reform in force in all states.",
                         "dueBy": "2023-05-01", "occurredOn": "2021-06-08"}"""),
                new Template("attach evidence", base + "/evidence", """
                        {"evidenceId": "evidence-{fresh}", "title": "ILO project page",
                         "url": "https://www.ilo.org/projects/mexico", "capturedOn": "2022-02-01"}"""));
    }

    @BeforeContainer
    static void announceACommitmentWithAPledge() {
        commitmentId = Bodies.newId();
        assertThat(COMMANDS.call("/api/commitments").as("officer").post(Bodies.announcement(commitmentId)).status())
                .isEqualTo(201);
        assertThat(COMMANDS.call("/api/commitments/" + commitmentId + "/pledges").as("officer")
                .post(Bodies.pledge("pledge-1", "1000000000.00", "USD")).status()).isEqualTo(201);
    }

    @Property(tries = 250, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void noBodyYieldsA5xxOrAFactThatCannotBeReadBack(@ForAll("requests") Sent sent) {
        Response answer = COMMANDS.call(sent.path()).as("officer").post(sent.body(), "application/json");

        Statistics.label("mutation").collect(sent.mutation());
        Statistics.label("status").collect(answer.status());
        assertThat(answer.status()).as("never a 5xx: %s", answer).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as("content type of %s", answer).startsWith("application/problem+json");
            JsonNode problem = answer.json();
            assertThat(problem.path("status").asInt()).as("status in %s", answer).isEqualTo(answer.status());
            assertThat(problem.path("title").asText()).as("title in %s", answer).isNotBlank();
            assertThat(answer.body()).as("no internals in %s", answer)
                    .doesNotContain("Exception", "com.fasterxml", "org.springframework", "java.lang");
            return;
        }
        assertThat(answer.status()).as("accepted: %s", answer).isBetween(200, 201);
        assertReadsBack(answer.json());
    }

    /** The accepted command's commitment, as of its version: the detail and the history with its events. */
    private static void assertReadsBack(JsonNode accepted) {
        String id = accepted.get("commitmentId").asText();
        long version = accepted.get("version").asLong();
        Response detail = QUERIES.call("/api/commitments/" + id + "?minVersion=" + version).as("officer").get();
        assertThat(detail.status()).as("detail after %s: %s", accepted, detail).isEqualTo(200);
        assertThat(detail.json().get("version").asLong()).isGreaterThanOrEqualTo(version);
        Response history = QUERIES.call("/api/commitments/" + id + "/history?minVersion=" + version).as("auditor").get();
        assertThat(history.status()).as("history after %s: %s", accepted, history).isEqualTo(200);
        List<String> stored = new ArrayList<>();
        history.json().forEach(event -> stored.add(event.get("eventId").asText()));
        accepted.get("eventIds").forEach(eventId -> assertThat(stored).contains(eventId.asText()));
    }

    // --- generators

    @Provide
    Arbitrary<Sent> requests() {
        Arbitrary<String> fresh = Arbitraries.strings().withCharRange('a', 'z').ofLength(10);
        return Combinators.combine(Arbitraries.of(templates()), fresh, mutations()).as((template, id, mutation) ->
                new Sent(template.name(), mutation.kind(), mutation.detail(), template.path(), mutation.change().apply(template.body(id))));
    }

    private static Arbitrary<Mutation> mutations() {
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<byte[]> someBytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(20);
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(2000)
                        .map(bytes -> new Mutation("arbitrary bytes", body -> bytes))),
                Tuple.of(3, Combinators.combine(where, Arbitraries.integers().between(1, 255)).as(Tuple::of).list()
                        .ofMinSize(1).ofMaxSize(5).map(flips -> new Mutation("bytes flipped", body -> {
                            byte[] flipped = body.clone();
                            flips.forEach(flip -> flipped[at(flipped, flip.get1())] ^= flip.get2().byteValue());
                            return flipped;
                        }))),
                Tuple.of(2, Combinators.combine(where, someBytes).as((at, bytes) -> new Mutation("bytes inserted",
                        body -> splice(body, at(body, at), 0, bytes)))),
                Tuple.of(2, Combinators.combine(where, Arbitraries.integers().between(1, 30)).as((at, length) ->
                        new Mutation("bytes deleted", body -> splice(body, at(body, at), length, new byte[0])))),
                Tuple.of(1, where.map(at -> new Mutation("cut short",
                        body -> java.util.Arrays.copyOf(body, at(body, at))))),
                Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 20), oddUnicode()).as((which, text) ->
                        new Mutation("odd Unicode in a string", body -> intoString(body, which, text)))),
                Tuple.of(2, hugeNumbers().map(number -> new Mutation("huge number", abbreviated(number),
                        body -> number(body, number)))),
                Tuple.of(2, Combinators.combine(Arbitraries.of(100, 999, 1001, 5000, 100_000), Arbitraries.of("[", "{\"a\": "))
                        .as((depth, open) -> new Mutation("deep nesting", depth + " deep in " + open.charAt(0),
                                body -> nested(body, depth, open)))),
                Tuple.of(1, Arbitraries.just(new Mutation("valid as it is", body -> body))));
    }

    private static Arbitrary<String> oddUnicode() {
        return Arbitraries.oneOf(
                Arbitraries.of("\u0000", "\\u0000", "\u202E", "\uFEFF", "\u200B", "😀", "e\u0301", "\uFFFF", "\uFFFE",
                        "\\ud800", "\\udfff", "\\\"", "\\\\", "\u0085", "\u2028", "\u001F", "\\u001f", "𝕏".repeat(100)),
                Arbitraries.strings().all().ofMaxLength(30).map(text -> text
                        .replace("\\", "\\\\").replace("\"", "\\\"")));
    }

    private static Arbitrary<String> hugeNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e999999999", "-1e999999999", "1E-400", "9223372036854775808", "-0", "0.0000000000000001",
                        "NaN", "Infinity", "-Infinity", "0x10", "1_000", "\"1e400\"", "\"" + "9".repeat(2000) + "\"",
                        "99999999999999999999.99"),
                Arbitraries.integers().between(20, 5000).map("9"::repeat));
    }

    private static int at(byte[] body, double where) {
        return body.length == 0 ? 0 : Math.min(body.length - 1, (int) (where * body.length));
    }

    private static byte[] splice(byte[] body, int at, int removed, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(inserted);
        int rest = Math.min(body.length, at + removed);
        out.write(body, rest, body.length - rest);
        return out.toByteArray();
    }

    /** The text inserted at the start of the {@code which}-th string value (modulo how many there are). */
    private static byte[] intoString(byte[] body, int which, String text) {
        String json = new String(body, StandardCharsets.UTF_8);
        List<Integer> starts = new ArrayList<>();
        Matcher values = STRING_VALUE.matcher(json);
        while (values.find()) {
            starts.add(values.start() + 3);
        }
        int at = starts.get(which % starts.size());
        return (json.substring(0, at) + text + json.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    /** The number in place of the amount's value, or else of the first string value. */
    private static byte[] number(byte[] body, String number) {
        String json = new String(body, StandardCharsets.UTF_8);
        Matcher amount = AMOUNT_VALUE.matcher(json);
        String changed = amount.find() ? amount.replaceFirst(Matcher.quoteReplacement("\"value\": " + number))
                : STRING_VALUE.matcher(json).replaceFirst(Matcher.quoteReplacement(": " + number));
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    /** Arrays or objects {@code depth} deep in place of the first string value. */
    private static byte[] nested(byte[] body, int depth, String open) {
        String close = open.equals("[") ? "]" : "}";
        String value = open.repeat(depth) + "1" + close.repeat(depth);
        String json = new String(body, StandardCharsets.UTF_8);
        return STRING_VALUE.matcher(json).replaceFirst(Matcher.quoteReplacement(": " + value))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviated(String number) {
        return number.length() > 12 ? number.substring(0, 6) + "...(" + number.length() + ")" : number;
    }
}
