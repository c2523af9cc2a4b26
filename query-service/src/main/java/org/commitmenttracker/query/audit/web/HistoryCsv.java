package org.commitmenttracker.query.audit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.query.audit.HistoryEntry;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A history as CSV (RFC 4180) that a spreadsheet opens: a header row, one row per event, CRLF
 * line ends, a field quoted when it holds a comma, a quote or a line break, the payload as JSON
 * in one column. It starts with a byte order mark, without which Excel misreads UTF-8 text such
 * as "México". A cell that a spreadsheet would read as a formula (it starts with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return: OWASP's rule against CSV injection)
 * gets a leading apostrophe, in every column, so that it shows as text and is never evaluated.
 */
final class HistoryCsv {

    static final String BOM = "\uFEFF";
    static final List<String> HEADER = List.of("eventId", "version", "type", "revision", "occurredOn", "recordedAt",
            "actor", "correlationId", "causationId", "idempotencyKey", "hash", "previousHash", "payload");

    private HistoryCsv() {
    }

    static String write(List<HistoryEntry> history) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, HEADER.stream());
        for (HistoryEntry e : history) {
            HistoryEntry.Metadata m = e.metadata();
            row(csv, Stream.of(e.eventId(), e.version(), e.type(), e.revision(), e.occurredOn(), e.recordedAt(),
                    m.actor(), m.correlationId(), m.causationId(), m.idempotencyKey(), e.hash(), e.previousHash(),
                    json(e.payload())));
        }
        return csv.toString();
    }

    private static String json(JsonNode payload) {
        return payload == null ? null : payload.isTextual() ? payload.asText() : payload.toString();
    }

    private static void row(StringBuilder csv, Stream<?> fields) {
        csv.append(fields.map(field -> field == null ? "" : quoted(Objects.toString(field)))
                .collect(Collectors.joining(","))).append("\r\n");
    }

    static String quoted(String value) {
        String field = neutralised(value);
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** A cell a spreadsheet would evaluate, made plain text by a leading apostrophe. */
    static String neutralised(String field) {
        if (field.isEmpty()) {
            return field;
        }
        char first = field.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + field : field;
    }
}
