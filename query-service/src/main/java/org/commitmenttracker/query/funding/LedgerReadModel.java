package org.commitmenttracker.query.funding;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.query.funding.FundingLedger.Entry;
import org.commitmenttracker.query.funding.FundingLedger.Kind;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code query.ledger_entry}: each funding event once, under its version. The totals
 * are summed on reading ({@link FundingLedger#of}), so an entry written twice could never count twice.
 */
@Repository
public class LedgerReadModel {

    private final JdbcClient jdbc;
    private final AppliedVersions versions;

    LedgerReadModel(JdbcClient jdbc, AppliedVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /** The version this read model has reached for a commitment; empty for an unknown commitment. */
    public Optional<Long> version(String commitmentId) {
        return versions.version(LedgerProjection.NAME, commitmentId);
    }

    public FundingLedger ledger(String commitmentId) {
        return FundingLedger.of(entries(commitmentId));
    }

    List<Entry> entries(String commitmentId) {
        return jdbc.sql("""
                        SELECT version, kind, entry_date, amount, currency, reference, counterpart, obligation_id, note
                        FROM query.ledger_entry WHERE commitment_id = ? ORDER BY version""")
                .param(commitmentId)
                .query((rs, row) -> new Entry(rs.getLong("version"), Kind.valueOf(rs.getString("kind")),
                        rs.getObject("entry_date", LocalDate.class),
                        new Money(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getString("reference"),
                        rs.getString("counterpart"), rs.getString("obligation_id"), rs.getString("note")))
                .list();
    }

    void add(String commitmentId, Entry entry) {
        jdbc.sql("""
                        INSERT INTO query.ledger_entry (commitment_id, version, kind, entry_date, amount, currency,
                            reference, counterpart, obligation_id, note)
                        VALUES (:commitmentId, :version, :kind, :date, :amount, :currency, :reference, :counterpart,
                            :obligationId, :note)
                        ON CONFLICT (commitment_id, version) DO UPDATE SET kind = EXCLUDED.kind,
                            entry_date = EXCLUDED.entry_date, amount = EXCLUDED.amount, currency = EXCLUDED.currency,
                            reference = EXCLUDED.reference, counterpart = EXCLUDED.counterpart,
                            obligation_id = EXCLUDED.obligation_id, note = EXCLUDED.note
                        """)
                .param("commitmentId", commitmentId)
                .param("version", entry.version())
                .param("kind", entry.kind().name())
                .param("date", entry.date())
                .param("amount", entry.amount().value())
                .param("currency", entry.amount().currency())
                .param("reference", entry.reference())
                .param("counterpart", entry.counterpart())
                .param("obligationId", entry.obligationId())
                .param("note", entry.note())
                .update();
    }

    /** The recipient of a disbursement, for the line of its reversal. */
    Optional<String> recipient(String commitmentId, String disbursementId) {
        return jdbc.sql("""
                        SELECT counterpart FROM query.ledger_entry
                        WHERE commitment_id = ? AND kind = 'DISBURSEMENT' AND reference = ? ORDER BY version LIMIT 1""")
                .params(commitmentId, disbursementId)
                .query(String.class)
                .optional();
    }

    void delete(String commitmentId) {
        jdbc.sql("DELETE FROM query.ledger_entry WHERE commitment_id = ?").param(commitmentId).update();
    }
}
