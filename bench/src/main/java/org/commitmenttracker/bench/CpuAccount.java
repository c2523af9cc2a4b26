package org.commitmenttracker.bench;

import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the CPU of a repetition went, whoever spent it (issue 19: "nobody has yet shown where
 * that goes"): every thread of this JVM by what it does, read from {@code /proc/self/task}
 * (JIT and GC threads included, which {@link java.lang.management.ThreadMXBean} does not see),
 * and every PostgreSQL process of the machine, from {@code /proc}. The benchmark's PostgreSQL is
 * the only one a run starts; each figure is CPU time in ticks of the kernel's clock (10 ms).
 * Where {@code /proc} is missing (not Linux) every account is empty and the notes say so.
 */
final class CpuAccount {

    private static final Path PROC = Path.of("/proc");
    private static final double MS_PER_TICK = 10.0;  // USER_HZ, 100 on every Linux the bench runs on
    private static final String ENDED = "threads that ended (a repetition's own workers)";
    private static final List<String> ACCOUNTS = List.of("commitments processor", "timeline processor",
            "feed processor (and the log)", "other read-side threads", "PostgreSQL", "load generator", ENDED,
            "JIT compiler", "GC", "other");

    /** Each service's Tomcat thread prefix (as the kernel keeps a name: 15 characters) and its account, in the order the notes list them. */
    private final Map<String, String> tomcats = new LinkedHashMap<>();

    /** @param services each service's Tomcat under a label, e.g. "command service" */
    CpuAccount(Map<String, ConfigurableApplicationContext> services) {
        services.forEach((label, context) -> tomcats.put(threadPrefix(context), label + "'s requests"));
    }

    /** The CPU between two readings per operation, in ms, by account. */
    record PerOperation(Map<String, Double> millis) {
        double total() {
            return millis.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        String describe() {
            if (millis.isEmpty()) {
                return "not measured (no /proc)";
            }
            return "%.2f ms in all: ".formatted(total()) + millis.entrySet().stream()
                    .filter(account -> account.getValue() >= 0.005)
                    .map(account -> String.format(Locale.ROOT, "%s %.2f", account.getKey(), account.getValue()))
                    .collect(Collectors.joining(", "));
        }
    }

    /** Each live thread's account and ticks, the JVM's ticks (ended threads included) and PostgreSQL's. */
    record Reading(Map<String, ThreadTicks> threads, long process, long postgres) {
        record ThreadTicks(String account, long ticks) {
        }
    }

    Reading read() {
        Map<String, Reading.ThreadTicks> threads = new LinkedHashMap<>();
        if (!Files.isDirectory(PROC.resolve("self/task"))) {
            return new Reading(Map.of(), 0, 0);
        }
        for (Path task : list(PROC.resolve("self/task"))) {
            String name = comm(task);
            if (name != null) {
                threads.put(task.getFileName().toString(), new Reading.ThreadTicks(accountOf(name), ticks(task)));
            }
        }
        long postgres = 0;
        for (Path process : list(PROC)) {
            if (process.getFileName().toString().chars().allMatch(Character::isDigit) && "postgres".equals(comm(process))) {
                postgres += ticks(process);
            }
        }
        return new Reading(threads, ticks(PROC.resolve("self")), postgres);
    }

    /**
     * The CPU between two readings per operation, in ms, by account. A thread that ended meanwhile
     * (a repetition's own workers) is no longer listed; what the JVM spent beyond its live threads
     * is theirs.
     */
    PerOperation between(Reading before, Reading after, long operations) {
        Map<String, Double> millis = new LinkedHashMap<>();
        if (operations <= 0 || after.threads().isEmpty()) {
            return new PerOperation(millis);
        }
        Map<String, Long> ticks = new LinkedHashMap<>();
        tomcats.values().forEach(label -> ticks.put(label, 0L));
        for (String account : ACCOUNTS) {
            ticks.put(account, 0L);
        }
        long live = 0;
        for (Map.Entry<String, Reading.ThreadTicks> thread : after.threads().entrySet()) {
            Reading.ThreadTicks earlier = before.threads().get(thread.getKey());
            long spent = thread.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
            ticks.merge(thread.getValue().account(), spent, Long::sum);
            live += spent;
        }
        ticks.merge(ENDED, Math.max(0, after.process() - before.process() - live), Long::sum);
        ticks.put("PostgreSQL", after.postgres() - before.postgres());
        ticks.forEach((account, spent) -> millis.put(account, spent * MS_PER_TICK / operations));
        return new PerOperation(millis);
    }

    /** The median of each account over repetitions. */
    static PerOperation median(List<PerOperation> repetitions) {
        Map<String, Double> millis = new LinkedHashMap<>();
        if (!repetitions.isEmpty()) {
            for (String account : repetitions.get(0).millis().keySet()) {
                millis.put(account, Stats.median(repetitions.stream()
                        .map(rep -> rep.millis().getOrDefault(account, 0.0)).toList()));
            }
        }
        return new PerOperation(millis);
    }

    private String accountOf(String thread) {
        for (Map.Entry<String, String> tomcat : tomcats.entrySet()) {
            if (thread.startsWith(tomcat.getKey())) {
                return tomcat.getValue();
            }
        }
        if (thread.startsWith("WorkPackage[com")) {
            return "commitments processor";
        }
        if (thread.startsWith("WorkPackage[tim")) {
            return "timeline processor";
        }
        if (thread.startsWith("WorkPackage[fee")) {
            return "feed processor (and the log)";
        }
        if (thread.startsWith("WorkPackage[") || thread.startsWith("Coordinator[") || thread.startsWith("EmbeddedEventSt")
                || thread.startsWith("processor-waker") || thread.startsWith("appended-events")
                || thread.startsWith("generation-swit") || thread.startsWith("feed-stream") || thread.startsWith("log-checkpoint")
                || thread.startsWith("min-version") || thread.startsWith("webhook")) {
            return "other read-side threads";
        }
        if (thread.startsWith("bench-worker") || thread.startsWith("HttpClient")) {
            return "load generator";
        }
        if (thread.startsWith("C1 CompilerThre") || thread.startsWith("C2 CompilerThre")) {
            return "JIT compiler";
        }
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) {
            return "GC";
        }
        return "other";
    }

    /** The prefix of a Spring Boot service's Tomcat threads: "http-nio-auto-1" of "http-nio-auto-1-exec-3". */
    private static String threadPrefix(ConfigurableApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer();
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();
        String name = protocol.getName().replace("\"", "");
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return null;  // gone meanwhile
        }
    }

    /** utime + stime, fields 14 and 15 of stat, counted after the command name in parentheses (which may hold spaces). */
    private static long ticks(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
