package org.commitmenttracker.service.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict reading of request bodies, and that the mapper it copies (the event store's) reads as before. */
class StrictJsonTest {

    record Fact(String title, LocalDate on, List<String> parties, Map<String, String> notes) {
    }

    private final ObjectMapper shared = Jackson2ObjectMapperBuilder.json().build();
    private final ObjectMapper strict = StrictJson.forRequests(shared);

    @Test
    void aPlainBodyIsRead() throws JsonProcessingException {
        Fact fact = strict.readValue("""
                {"title": "Dialogue \\ud83d\\ude00 held", "on": "2021-06-08", "parties": ["US"], "notes": {"k": "v"}}""",
                Fact.class);

        assertThat(fact).isEqualTo(new Fact("Dialogue \ud83d\ude00 held", LocalDate.of(2021, 6, 8), List.of("US"),
                Map.of("k", "v")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"title\": \"a\", \"title\": \"b\"}",
            "{\"title\": \"a\"} {\"title\": \"b\"}",
            "{\"title\": \"a\"} 7",
            "{\"on\": [2021, 6, 8]}",
            "{\"on\": 18786}",
            "{\"on\": \"2021-6-8\"}",
            "{\"on\": \"2021-02-30\"}",
            "{\"on\": \"0000-01-01\"}",
            "{\"on\": \"1899-12-31\"}",
            "{\"on\": \"-999999999-01-01\"}",
            "{\"on\": \"+10000-01-01\"}",
            "{\"on\": \"2021-06-08T00:00:00\"}",
            "{\"title\": \"half \\ud800 a character\"}",
            "{\"title\": \"low half \\udc00\"}",
            "{\"title\": \"reversed \\udc00\\ud800\"}",
            "{\"parties\": [\"US\", \"\\ud800\"]}",
            "{\"notes\": {\"\\ud800\": \"v\"}}",
            "{\"notes\": {\"k\": \"\\ud800\"}}",
    })
    void lenientInputIsRefused(String body) {
        assertThatThrownBy(() -> strict.readValue(body, Fact.class)).isInstanceOf(JsonProcessingException.class);
    }

    /** A body whose content is free-form, as a correction's {@code content} may be. */
    record FreeForm(Map<String, Object> content, com.fasterxml.jackson.databind.JsonNode tree) {
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"content\": {\"recipient\": \"\\ud800\"}}",
            "{\"content\": {\"\\ud800\": 1}}",
            "{\"content\": {\"on\": [\"x\", {\"y\": \"\\udc00\"}]}}",
            "{\"tree\": {\"recipient\": \"\\ud800\"}}",
            "{\"tree\": {\"\\ud800\": 1}}",
            "{\"tree\": [1, {\"y\": \"\\udc00\"}]}",
            "{\"tree\": {\"a\": 1, \"a\": 2}}",
    })
    void freeFormContentIsHeldToTheSameRules(String body) {
        assertThatThrownBy(() -> strict.readValue(body, FreeForm.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aRawLoneSurrogateInUtf8IsRefused() {
        byte[] body = "{\"title\": \"raw XXX\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = new String(body, java.nio.charset.StandardCharsets.UTF_8).indexOf("XXX");
        // The three bytes a lenient encoder writes for the lone surrogate U+D800.
        body[at] = (byte) 0xED;
        body[at + 1] = (byte) 0xA0;
        body[at + 2] = (byte) 0x80;

        byte[] sent = body;
        assertThatThrownBy(() -> strict.readValue(sent, Fact.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void datesAtTheEdgesOfTheRangeAreRead() throws JsonProcessingException {
        assertThat(strict.readValue("{\"on\": \"1900-01-01\"}", Fact.class).on()).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(strict.readValue("{\"on\": \"9999-12-31\"}", Fact.class).on()).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void theSharedMapperStillReadsWhatWasRecordedBeforeTheRules() throws JsonProcessingException {
        Fact old = shared.readValue("{\"title\": \"\\ud800\", \"on\": \"0000-01-01\"}", Fact.class);

        assertThat(old.on()).isEqualTo(LocalDate.of(0, 1, 1));
        assertThat(old.title()).isEqualTo("\ud800");
    }
}
