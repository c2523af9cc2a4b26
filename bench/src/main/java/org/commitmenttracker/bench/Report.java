package org.commitmenttracker.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The output of a run: {@code RESULT <name> <value> <unit>} per figure, {@code RATIO <name>
 * <value>} per comparison with its raw PostgreSQL baseline, and {@code # } notes that say what was measured. Progress goes to stderr, so stdout stays the report.
 */
final class Report {

    private final PrintStream out;
    private final Instant started = Instant.now();

    Report(PrintStream out) {
        this.out = out;
    }

    void result(String name, double value, String unit) {
        out.println("RESULT " + name + " " + format(value) + " " + unit);
        out.flush();
    }

    void ratio(String name, double value) {
        out.println("RATIO " + name + " " + String.format(Locale.ROOT, "%.4f", value));
        out.flush();
    }

    void note(String text) {
        out.println("# " + text);
        out.flush();
    }

    void progress(String text) {
        Duration elapsed = Duration.between(started, Instant.now());
        System.err.printf(Locale.ROOT, "[bench %5.1fs] %s%n", elapsed.toMillis() / 1000.0, text);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
    }
}
