package org.commitmenttracker.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole harness with tiny sizes, so that it cannot rot: every figure of issue 8 comes out, each a real number. */
class BenchTest {

    private static final List<String> RESULTS = List.of(
            "append_c1", "append_c1_p99_ms", "append_c1_raw", "append_c1_raw_p99_ms",
            "append_c8", "append_c8_p99_ms", "append_c8_raw", "append_c8_raw_p99_ms", "append_c8_inprocess",
            "append_c8_nolog", "append_c8_nolog_p99_ms", "append_c1_cpu_ms", "append_c8_cpu_ms", "append_crud_cpu_ms",
            "long_stream_ms", "long_stream_fresh_ms",
            "lag_p99_ms", "lag_median_ms", "lag_rate", "lag_p99_ms_nolog", "lag_median_ms_nolog",
            "replay_events", "replay", "replay_raw", "replay_switch_ms",
            "detail_rps", "detail_p99_ms", "detail_waiting_rps", "detail_waiting_p99_ms", "detail_raw_rps", "detail_raw_p99_ms", "http_floor_rps",
            "append_crud", "append_crud_p99_ms", "detail_crud", "detail_crud_p99_ms",
            "feed_catchup_events", "feed_catchup", "feed_catchup_raw",
            "stream_fanout_p99_ms", "stream_fanout_median_ms",
            "verify_all_events", "verify_all", "verify_all_raw",
            "kafka_lag_p99_ms", "kafka_lag_median_ms", "kafka_lag_raw_p99_ms", "kafka_lag_raw_median_ms", "kafka_publish_events", "kafka_publish", "kafka_publish_raw");
    private static final List<String> RATIOS = List.of("append_c1", "append_c8", "long_stream", "replay", "detail_read",
            "verify_all", "append_peer", "detail_peer", "feed_catchup", "kafka_publish", "log_append", "log_lag");

    @Test
    void printsEveryFigureAndRatioWithAPositiveFiniteValue() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bench.run(Sizes.tiny(), new Report(new PrintStream(out, true, StandardCharsets.UTF_8)));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();

        for (String name : RESULTS) {
            assertThat(value(lines, "RESULT", name)).as("RESULT " + name).isFinite().isPositive();
        }
        for (String name : RATIOS) {
            assertThat(value(lines, "RATIO", name)).as("RATIO " + name).isFinite().isPositive();
        }
    }

    private static double value(List<String> lines, String kind, String name) {
        String prefix = kind + " " + name + " ";
        List<String> matching = lines.stream().filter(line -> line.startsWith(prefix)).toList();
        assertThat(matching).as(prefix + "in\n" + String.join("\n", lines)).hasSize(1);
        return Double.parseDouble(matching.get(0).substring(prefix.length()).split(" ")[0]);
    }
}
