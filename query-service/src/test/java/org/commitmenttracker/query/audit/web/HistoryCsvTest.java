package org.commitmenttracker.query.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.query.audit.HistoryEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryCsvTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(HistoryCsv.quoted("plain")).isEqualTo("plain");
        assertThat(HistoryCsv.quoted("Washington, D.C.")).isEqualTo("\"Washington, D.C.\"");
        assertThat(HistoryCsv.quoted("the \"HLED\"")).isEqualTo("\"the \"\"HLED\"\"\"");
        assertThat(HistoryCsv.quoted("line\r\nbreak")).isEqualTo("\"line\r\nbreak\"");
    }

    @Test
    void oneRowPerEventAfterTheHeaderWithThePayloadAsJsonInOneColumn() throws Exception {
        HistoryEntry held = new HistoryEntry("e-2", 2, "DialogueHeld", "1", LocalDate.of(2021, 9, 9),
                Instant.parse("2021-09-30T09:00:00Z"),
                JSON.readTree("{\"location\":\"Washington, D.C.\",\"outcomes\":[\"Building \\\"back\\\" together\"]}"),
                new HistoryEntry.Metadata("officer", "corr-2", "cmd-2", null), "b".repeat(64), "a".repeat(64));

        String csv = HistoryCsv.write(List.of(held));

        assertThat(csv).startsWith(HistoryCsv.BOM + "eventId,version,type,revision,occurredOn,recordedAt,actor,");
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv.split("\r\n")[1]).isEqualTo("e-2,2,DialogueHeld,1,2021-09-09,2021-09-30T09:00:00Z,officer,"
                + "corr-2,cmd-2,," + "b".repeat(64) + "," + "a".repeat(64) + ","
                + "\"{\"\"location\"\":\"\"Washington, D.C.\"\",\"\"outcomes\"\":[\"\"Building \\\"\"back\\\"\" together\"\"]}\"");
    }

    @Test
    void aCellThatASpreadsheetWouldEvaluateIsNeutralisedInEveryColumn() throws Exception {
        // Finding 4 of issue 15: correlation id and idempotency key reached the cells as formulas.
        HistoryEntry hostile = new HistoryEntry("@SUM(A1)", 3, "=HYPERLINK(\"http://x\")", "-1",
                LocalDate.of(2021, 9, 9), Instant.parse("2021-09-30T09:00:00Z"), JSON.readTree("\"+cmd|' /C calc'!A0\""),
                new HistoryEntry.Metadata("\tofficer", "=1+1", "\rcmd", "+A1/B2"), "-" + "b".repeat(63), "@a");

        String[] cells = HistoryCsv.write(List.of(hostile)).split("\r\n")[1].split(",");

        assertThat(cells).containsExactly("'@SUM(A1)", "3", "\"'=HYPERLINK(\"\"http://x\"\")\"", "'-1", "2021-09-09",
                "2021-09-30T09:00:00Z", "'\tofficer", "'=1+1", "\"'\rcmd\"", "'+A1/B2", "'-" + "b".repeat(63), "'@a",
                "'+cmd|' /C calc'!A0");
        for (String cell : cells) {
            String text = cell.startsWith("\"") ? cell.substring(1) : cell;
            assertThat(text).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                    .doesNotStartWith("\t").doesNotStartWith("\r");
        }
    }

    @Test
    void harmlessCellsAreLeftAsTheyAre() {
        assertThat(HistoryCsv.quoted("corr-2")).isEqualTo("corr-2");
        assertThat(HistoryCsv.quoted("a=b")).isEqualTo("a=b");
        assertThat(HistoryCsv.quoted("")).isEqualTo("");
    }
}
