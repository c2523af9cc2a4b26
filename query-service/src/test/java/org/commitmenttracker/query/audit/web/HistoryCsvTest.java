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
}
