package org.commitmenttracker.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar tracker-verify.jar export.zip [--trusted-checkpoint saved.txt] [--key key.pub]}:
 * verifies an export offline (README, "Auditing offline"). Exit status 0 only when every check
 * holds; 1 when one fails; 2 for wrong arguments or an unreadable export.
 */
public final class TrackerVerify {

    private TrackerVerify() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path export = null;
        Path trusted = null;
        Path key = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--trusted-checkpoint" -> trusted = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--key" -> key = i + 1 < args.length ? Path.of(args[++i]) : null;
                default -> export = args[i].startsWith("--") ? null : Path.of(args[i]);
            }
        }
        if (export == null) {
            err.println("usage: java -jar tracker-verify.jar export.zip [--trusted-checkpoint saved.txt] [--key key.pub]");
            return 2;
        }
        try {
            Verification.Report report = Verification.verify(Export.read(export),
                    key == null ? null : Files.readString(key).trim(),
                    trusted == null ? null : Files.readString(trusted));
            out.print(report.text());
            return report.valid() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("cannot verify " + export + ": " + e.getMessage());
            return 2;
        }
    }
}
