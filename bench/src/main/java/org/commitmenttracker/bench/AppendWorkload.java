package org.commitmenttracker.bench;

import org.axonframework.common.DateTimeUtils;
import org.commitmenttracker.command.funding.DisburseFunds;
import org.commitmenttracker.command.messaging.CommandContext;
import org.commitmenttracker.command.messaging.CommandSender;
import org.commitmenttracker.events.value.Money;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * {@code append_c1}, {@code append_c8}: FundsDisbursed commands over HTTP, spread over the
 * commitments, at concurrency 1 and 8, against single-row autocommit INSERTs of a row of the
 * same shape into an identical copy of the event table at the same concurrency. Each worker
 * owns its share of the commitments, so no two commands race for one stream (the raw inserts
 * never race either). Before every run the projection is let catch up, so neither side pays
 * for the other's leftovers. At concurrency 8 the same commands also go to the same system with
 * the log switched off, repetition by repetition and first in even ones: {@code append_c8_nolog},
 * what the log costs.
 */
final class AppendWorkload {

    private static final String RAW_TABLE = "bench.bench_events";

    private final BenchSystem system;
    private final BenchSystem withoutLog;
    private final Sizes sizes;
    private final Report report;
    private final List<String> commitments;
    private final AtomicLongArray rawSequences;
    private final CpuAccount cpu;
    private EventRow template;

    AppendWorkload(BenchSystem system, BenchSystem withoutLog, Sizes sizes, Report report, List<String> commitments) {
        this.system = system;
        this.withoutLog = withoutLog;
        this.sizes = sizes;
        this.report = report;
        this.commitments = commitments;
        this.rawSequences = new AtomicLongArray(commitments.size());
        Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
        services.put("command service", system.commandService);
        services.put("query service", system.queryService);
        services.put("peer", system.peerService);
        services.put("command service without the log", withoutLog.commandService);
        services.put("query service without the log", withoutLog.queryService);
        this.cpu = new CpuAccount(services);
    }

    /** Runs a repetition and adds the CPU each of its operations took, by account, to {@code accounts}. */
    private ClosedLoop.Outcome measured(List<CpuAccount.PerOperation> accounts, Supplier<ClosedLoop.Outcome> repetition) {
        CpuAccount.Reading before = cpu.read();
        ClosedLoop.Outcome outcome = repetition.get();
        accounts.add(cpu.between(before, cpu.read(), outcome.operations()));
        return outcome;
    }

    /** A stored event, column by column. */
    record EventRow(String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    /** Answers the median commands per second at concurrency 8, the rate the lag workload halves. */
    double run() {
        report.progress("append: warm-up");
        ClosedLoop.WarmUp warm = sizes.warmUp(8, worker -> commandWorker(worker, 8));
        template = newestDisbursement();
        createRawTable();
        ClosedLoop.WarmUp rawWarm = sizes.baselineWarmUp(8, worker -> rawWorker(worker, 8));
        PeerService.createTable(system);
        ClosedLoop.WarmUp crudWarm = sizes.baselineWarmUp(8, worker -> crudWorker(worker, 8));
        // Its code is the system's, compiled by the system's warm-up in this JVM: what it warms is its own
        // aggregate cache, connections and database, which a baseline's warm-up covers (every commitment several times).
        ClosedLoop.WarmUp noLogWarm = sizes.baselineWarmUp(8, worker -> commandWorker(withoutLog, worker, 8));
        report.note("append: warm-ups at 8 clients: commands " + warm.describe() + "; raw " + rawWarm.describe()
                + "; peer " + crudWarm.describe() + "; commands without the log " + noLogWarm.describe());

        double c8 = 0;
        CacheWatch cache = new CacheWatch(system);
        for (int concurrency : new int[]{1, 8}) {
            CacheWatch.Counts before = cache.now();
            List<Double> commands = new ArrayList<>();
            List<Double> rows = new ArrayList<>();
            List<Double> commandP99 = new ArrayList<>();
            List<Double> rowP99 = new ArrayList<>();
            List<Double> cruds = new ArrayList<>();
            List<Double> crudP99 = new ArrayList<>();
            List<Double> noLogs = new ArrayList<>();
            List<Double> noLogP99 = new ArrayList<>();
            List<CpuAccount.PerOperation> commandCpu = new ArrayList<>();
            List<CpuAccount.PerOperation> crudCpu = new ArrayList<>();
            if (concurrency == 8) {
                equalizeHistories();
            }
            for (int rep = 1; rep <= sizes.repetitions(); rep++) {
                if (concurrency == 8 && rep % 2 == 0) {
                    // the log-cost pair in turns: the system without the log first in even repetitions
                    noLogRepetition(rep, noLogs, noLogP99);
                }
                if (concurrency == 8) {
                    settle();
                }
                system.awaitProjectionAtHead(Duration.ofMinutes(2));
                ClosedLoop.Outcome command = measured(commandCpu, () -> ClosedLoop.run(concurrency, sizes.repetition(),
                        worker -> commandWorker(worker, concurrency)));
                system.awaitProjectionAtHead(Duration.ofMinutes(2));
                ClosedLoop.Outcome raw = ClosedLoop.run(concurrency, sizes.repetition(),
                        worker -> rawWorker(worker, concurrency));
                commands.add(command.perSecond());
                rows.add(raw.perSecond());
                commandP99.add(command.p99Millis());
                rowP99.add(raw.p99Millis());
                report.progress("append c%d rep %d: %.0f commands/s, %.0f raw rows/s".formatted(
                        concurrency, rep, command.perSecond(), raw.perSecond()));
                if (concurrency == 8) {
                    // the peer (issue 19): what a user would build instead, same stack, same run
                    system.awaitProjectionAtHead(Duration.ofMinutes(2));
                    ClosedLoop.Outcome crud = measured(crudCpu, () -> ClosedLoop.run(concurrency, sizes.repetition(),
                            worker -> crudWorker(worker, concurrency)));
                    cruds.add(crud.perSecond());
                    crudP99.add(crud.p99Millis());
                    report.progress("append c8 rep %d: peer %.0f requests/s".formatted(rep, crud.perSecond()));
                    if (rep % 2 == 1) {
                        noLogRepetition(rep, noLogs, noLogP99);
                    }
                }
            }
            String name = "append_c" + concurrency;
            double commandRate = Stats.median(commands);
            double rowRate = Stats.median(rows);
            report.result(name, commandRate, "commands/s");
            report.result(name + "_p99_ms", Stats.median(commandP99), "ms");
            report.result(name + "_raw", rowRate, "rows/s");
            report.result(name + "_raw_p99_ms", Stats.median(rowP99), "ms");
            report.ratio(name, commandRate / rowRate);
            report.note(name + ": " + cache.now().since(before).describe());
            CpuAccount.PerOperation perCommand = CpuAccount.median(commandCpu);
            report.result(name + "_cpu_ms", perCommand.total(), "ms");
            report.note(name + ": CPU per command, whoever spent it (median over repetitions): " + perCommand.describe());
            if (concurrency == 8) {
                c8 = commandRate;
                double crudRate = Stats.median(cruds);
                report.result("append_crud", crudRate, "requests/s");
                report.result("append_crud_p99_ms", Stats.median(crudP99), "ms");
                report.ratio("append_peer", commandRate / crudRate);
                CpuAccount.PerOperation perRequest = CpuAccount.median(crudCpu);
                report.result("append_crud_cpu_ms", perRequest.total(), "ms");
                report.note("append_crud: CPU per request, whoever spent it (median over repetitions): " + perRequest.describe());
                report.note("append_crud: the peer, a plain Spring Boot service on the same stack (Tomcat, Spring"
                        + " Security with cached Basic checks, MVC, Bean Validation, Jackson) inserting an event-shaped"
                        + " row into " + PeerService.TABLE + " with JdbcClient and answering 201, by 8 clients");
                double noLogRate = Stats.median(noLogs);
                report.result("append_c8_nolog", noLogRate, "commands/s");
                report.result("append_c8_nolog_p99_ms", Stats.median(noLogP99), "ms");
                report.ratio("log_append", commandRate / noLogRate);
                report.note("append_c8_nolog: the same commands to the same services with the log switched off"
                        + " (tracker.log.enabled=false), alternating with append_c8; RATIO log_append = append_c8 /"
                        + " append_c8_nolog, 1 when the log costs the commands nothing");
                inProcessCeiling(rowRate);
            }
        }
        equalizeHistories();
        return c8;
    }

    /**
     * Sends the system without the log, in-process, as many more commands as the system holds more
     * events (its longer c1 phase and in-process append), then settles both: the log-cost pair is
     * measured on event stores and read models of the same size. A control run with the log on both
     * (BENCH_LOG_CONTROL=on) came out 1.4 on RATIO log_lag without it.
     */
    private void equalizeHistories() {
        long missing = events(system) - events(withoutLog);
        if (missing > 0) {
            CommandSender sender = withoutLog.commandService.getBean(CommandSender.class);
            AtomicLong left = new AtomicLong(missing);
            Parallel.forEach(8, 8, worker -> {
                ClosedLoop.Worker send = inProcessWorker(sender, worker, new LongAdder());
                try {
                    while (left.getAndDecrement() > 0) {
                        send.call();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        report.note("log cost: the system without the log topped up by %d commands to as many events as the system's (%d)"
                .formatted(Math.max(0, missing), events(system)));
        settle();
    }

    private static long events(BenchSystem target) {
        return target.queryLong("SELECT count(*) FROM events.domain_event_entry");
    }

    /** One c8 repetition on the same system with the log switched off (issue 14), both systems settled first. */
    private void noLogRepetition(int rep, List<Double> rates, List<Double> p99s) {
        settle();
        ClosedLoop.Outcome noLog = ClosedLoop.run(8, sizes.repetition(), worker -> commandWorker(withoutLog, worker, 8));
        rates.add(noLog.perSecond());
        p99s.add(noLog.p99Millis());
        report.progress("append c8 rep %d: without the log %.0f commands/s".formatted(rep, noLog.perSecond()));
    }

    /** Every processor of both systems of the log-cost pair past its newest event: neither pays for leftovers. */
    private void settle() {
        system.awaitEveryProcessorAtHead(Duration.ofMinutes(2));
        withoutLog.awaitEveryProcessorAtHead(Duration.ofMinutes(2));
    }

    /**
     * The same commands at concurrency 8 handed straight to the command service's sender, in this
     * JVM: Axon, the aggregate, the integrity chain and the event store, without HTTP, Spring MVC,
     * security or JSON. What it reaches bounds what RATIO append_c8 can reach with this design.
     */
    private void inProcessCeiling(double rawRate) {
        CommandSender sender = system.commandService.getBean(CommandSender.class);
        sizes.baselineWarmUp(8, worker -> inProcessWorker(sender, worker, new LongAdder()));
        List<Double> rates = new ArrayList<>();
        List<Double> cpuPerCommand = new ArrayList<>();
        List<CpuAccount.PerOperation> accounts = new ArrayList<>();
        for (int rep = 1; rep <= sizes.repetitions(); rep++) {
            system.awaitProjectionAtHead(Duration.ofMinutes(2));
            LongAdder cpuNanos = new LongAdder();
            ClosedLoop.Outcome outcome = measured(accounts, () -> ClosedLoop.run(8, sizes.repetition(),
                    worker -> inProcessWorker(sender, worker, cpuNanos)));
            rates.add(outcome.perSecond());
            cpuPerCommand.add(cpuNanos.sum() / 1000.0 / outcome.operations());
        }
        double rate = Stats.median(rates);
        report.result("append_c8_inprocess", rate, "commands/s");
        // The rate depends on what else runs on the two cores; the CPU each command takes on its own thread far less.
        report.note("append_c8_inprocess: %.0f us of CPU per command on the calling threads (median over repetitions):"
                .formatted(Stats.median(cpuPerCommand)) + " the command path itself, not the read models catching up"
                + " meanwhile nor PostgreSQL");
        report.note("append_c8_inprocess: CPU per command, whoever spent it (median over repetitions; the bench's"
                + " workers are the calling threads here): " + CpuAccount.median(accounts).describe());
        report.note("append_c8: the same commands without HTTP (the command service's sender called in this JVM)"
                + " make %.0f commands/s, %.3f of the raw rows: the ceiling of RATIO append_c8 with this design"
                .formatted(rate, rate / rawRate));
    }

    /** Adds the CPU time its thread spent, once it is done, to {@code cpuNanos}. */
    private ClosedLoop.Worker inProcessWorker(CommandSender sender, int worker, LongAdder cpuNanos) {
        Share share = new Share(worker, 8, commitments.size());
        LocalDate today = LocalDate.now();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        return new ClosedLoop.Worker() {
            @Override
            public void call() {
                sender.send(new DisburseFunds(commitments.get(share.next()), "d-" + UUID.randomUUID(),
                        Money.of("1.00", "USD"), LocalDate.of(2022, 1, 15), "International Labour Organization", null,
                        null, null, today), CommandContext.system("officer", UUID.randomUUID().toString()));
            }

            @Override
            public void close() {
                cpuNanos.add(threads.getCurrentThreadCpuTime() - start);
            }
        };
    }

    /** Worker {@code w} of {@code n} takes commitments w, w+n, w+2n, ... in turn. */
    private ClosedLoop.Worker commandWorker(int worker, int workers) {
        return commandWorker(system, worker, workers);
    }

    private ClosedLoop.Worker commandWorker(BenchSystem target, int worker, int workers) {
        Share share = new Share(worker, workers, commitments.size());
        return () -> Commands.disburse(target.commands, commitments.get(share.next()));
    }

    /** The same request body to the peer (PeerService), at the same path. */
    private ClosedLoop.Worker crudWorker(int worker, int workers) {
        Share share = new Share(worker, workers, commitments.size());
        return () -> Commands.disburse(system.peer, commitments.get(share.next()));
    }

    private ClosedLoop.Worker rawWorker(int worker, int workers) {
        Connection connection = system.superuser();
        try {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO " + RAW_TABLE
                    + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                    + " payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            Share share = new Share(worker, workers, commitments.size());
            return new ClosedLoop.Worker() {
                @Override
                public void call() throws SQLException {
                    int aggregate = share.next();
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "raw-" + commitments.get(aggregate));
                    insert.setLong(3, rawSequences.getAndIncrement(aggregate));
                    insert.setString(4, template.type());
                    insert.setString(5, DateTimeUtils.formatInstant(Instant.now()));
                    insert.setString(6, template.payloadType());
                    insert.setString(7, template.payloadRevision());
                    insert.setBytes(8, template.payload());
                    insert.setBytes(9, template.metaData());
                    insert.executeUpdate();
                }

                @Override
                public void close() throws SQLException {
                    connection.close();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The indexes w, w+n, w+2n, ... below {@code size}, in turn: worker w's own commitments. */
    static final class Share {
        private final int worker;
        private final int workers;
        private final int count;
        private long turn;

        Share(int worker, int workers, int size) {
            if (size < workers) {
                throw new IllegalArgumentException("fewer commitments (" + size + ") than workers (" + workers + ")");
            }
            this.worker = worker;
            this.workers = workers;
            this.count = (size - worker + workers - 1) / workers;
        }

        int next() {
            return worker + (int) (turn++ % count) * workers;
        }
    }

    /** A real FundsDisbursed row, as the command service stored it: the baseline inserts rows like it. */
    private EventRow newestDisbursement() {
        try (Connection connection = system.superuser(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT type, payload_type, payload_revision, payload, meta_data"
                     + " FROM events.domain_event_entry WHERE payload_type LIKE '%FundsDisbursed'"
                     + " ORDER BY global_index DESC LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("no FundsDisbursed event stored after the warm-up");
            }
            return new EventRow(row.getString(1), row.getString(2), row.getString(3), row.getBytes(4), row.getBytes(5));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An identical copy of the event table, with a sequence of its own so the event store's stays gapless. */
    private void createRawTable() {
        system.execute("CREATE SCHEMA IF NOT EXISTS bench",
                "CREATE TABLE " + RAW_TABLE + " (LIKE events.domain_event_entry INCLUDING ALL)",
                "CREATE SEQUENCE bench.bench_events_global_index_seq OWNED BY " + RAW_TABLE + ".global_index",
                "ALTER TABLE " + RAW_TABLE + " ALTER COLUMN global_index SET DEFAULT nextval('bench.bench_events_global_index_seq')");
        report.note("append: baseline table " + RAW_TABLE + " = LIKE events.domain_event_entry INCLUDING ALL; rows of "
                + template.payload().length + " payload and " + template.metaData().length
                + " metadata bytes copied from a stored FundsDisbursed");
    }
}
