package org.commitmenttracker.query.commitment;

import java.time.LocalDate;
import java.util.Map;

/**
 * The filters of {@code GET /api/commitments} and {@code GET /api/dashboard}; null means "any".
 * {@code text} searches the commitment and its children, {@code agency} and {@code source} match
 * part of a lead agency or of the source's title, {@code party} one party; all case- and
 * accent-insensitively ({@code query.fold_text}, migration V22).
 */
public record CommitmentFilter(String status, String category, String agency, String rating, String text,
                               String source, String party, Boolean overdue) {

    public static final CommitmentFilter ANY = new CommitmentFilter(null, null, null, null, null, null, null, null);

    /** The search query of {@link #text}, as an SQL expression over the parameter {@code :text}. */
    static final String TEXT_QUERY = "websearch_to_tsquery('english', query.fold_text(:text))";

    /**
     * The conditions on {@code query.commitment} (under {@code alias}), each after an AND, their
     * values put in {@code params}; the row's generation is the caller's business.
     */
    public String conditions(String alias, Map<String, Object> params, LocalDate today) {
        String c = alias == null || alias.isEmpty() ? "" : alias + ".";
        StringBuilder where = new StringBuilder();
        if (status != null) {
            where.append(" AND ").append(c).append("status = :status");
            params.put("status", status);
        }
        if (category != null) {
            where.append(" AND ").append(c).append("category = :category");
            params.put("category", category);
        }
        if (rating != null) {
            where.append(" AND ").append(c).append("rating = :rating");
            params.put("rating", rating);
        }
        if (agency != null) {
            where.append(" AND EXISTS (SELECT 1 FROM unnest(").append(c).append("lead_agencies) AS a (agency)"
                    + " WHERE strpos(query.fold_text(a.agency), query.fold_text(:agency)) > 0)");
            params.put("agency", agency);
        }
        if (source != null) {
            where.append(" AND strpos(query.fold_text(").append(c).append("source_title), query.fold_text(:source)) > 0");
            params.put("source", source);
        }
        if (party != null) {
            where.append(" AND EXISTS (SELECT 1 FROM unnest(").append(c).append("parties) AS p (party)"
                    + " WHERE query.fold_text(p.party) = query.fold_text(:party))");
            params.put("party", party);
        }
        if (overdue != null) {
            where.append(overdue ? " AND " + c + "next_due_by < :today"
                    : " AND (" + c + "next_due_by IS NULL OR " + c + "next_due_by >= :today)");
            params.put("today", today);
        }
        if (text != null) {
            where.append(" AND ").append(c).append("search @@ ").append(TEXT_QUERY);
            params.put("text", text);
        }
        return where.toString();
    }
}
