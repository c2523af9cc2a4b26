package org.commitmenttracker.query.publication.iati;

import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.query.commitment.CommitmentDetail.Status;
import org.commitmenttracker.query.funding.FundingLedger.Kind;

import java.util.Optional;

/**
 * Every value the IATI activity file takes from an IATI codelist (https://iatistandard.org/en/iati-standard/203/codelists/),
 * in one place, each with the codelist it comes from.
 */
public final class IatiCodelists {

    private IatiCodelists() {
    }

    /** Codelist OrganisationType: 10 Government. The parties and lead agencies are governments. */
    public static final String ORGANISATION_TYPE_GOVERNMENT = "10";

    /** Codelist OrganisationRole: 1 Funding (the pledges' funding sources). */
    public static final String ROLE_FUNDING = "1";
    /** Codelist OrganisationRole: 2 Accountable (the parties that made the promise). */
    public static final String ROLE_ACCOUNTABLE = "2";
    /** Codelist OrganisationRole: 3 Extending (the lead agencies that carry it out). */
    public static final String ROLE_EXTENDING = "3";
    /** Codelist OrganisationRole: 4 Implementing (the obligations' implementing partners). */
    public static final String ROLE_IMPLEMENTING = "4";

    /** Codelist DescriptionType: 1 General (the commitment's summary). */
    public static final String DESCRIPTION_GENERAL = "1";

    /** Codelist ActivityDateType. */
    public static final String DATE_PLANNED_START = "1";
    public static final String DATE_ACTUAL_START = "2";
    public static final String DATE_PLANNED_END = "3";
    public static final String DATE_ACTUAL_END = "4";

    /** Codelist BudgetType: 1 Original, 2 Revised (a pledge since revised). */
    public static final String BUDGET_ORIGINAL = "1";
    public static final String BUDGET_REVISED = "2";
    /** Codelist BudgetStatus: 1 Indicative (a pledge is a promise, not yet an obligation). */
    public static final String BUDGET_INDICATIVE = "1";

    /** Codelist DocumentCategory: A02 Objectives / Purpose of activity (the source that announced it). */
    public static final String DOCUMENT_SOURCE = "A02";
    /** Codelist DocumentCategory: A07 Review of project performance and evaluation (evidence of progress). */
    public static final String DOCUMENT_EVIDENCE = "A07";
    /** Codelist FileFormat (IANA media types): the linked pages are web pages as far as is known. */
    public static final String FORMAT_WEB_PAGE = "text/html";

    /** Codelist ResultType: 2 Outcome (an indicator of what the promise achieves). */
    public static final String RESULT_OUTCOME = "2";
    /** Codelist IndicatorMeasure: 1 Unit (the indicator's own unit: cases, people, ...). */
    public static final String MEASURE_UNIT = "1";

    /** Codelist SectorVocabulary: 1 OECD DAC CRS purpose codes (5 digit). */
    public static final String SECTOR_VOCABULARY_DAC5 = "1";

    /**
     * Codelist ActivityStatus: 1 Pipeline/identification (announced, nothing done yet),
     * 2 Implementation, 4 Closed (fulfilled), 5 Cancelled (withdrawn).
     */
    public static String activityStatus(Status status) {
        return switch (status) {
            case ANNOUNCED -> "1";
            case IN_PROGRESS -> "2";
            case FULFILLED -> "4";
            case WITHDRAWN -> "5";
        };
    }

    /**
     * Codelist TransactionType: 2 Outgoing Commitment (an obligation, and its de-obligation as a
     * negative one), 3 Disbursement (a disbursement, and its reversal as a negative disbursement).
     * Pledges are budgets, not transactions.
     */
    public static Optional<String> transactionType(Kind kind) {
        return switch (kind) {
            case OBLIGATION, DEOBLIGATION -> Optional.of("2");
            case DISBURSEMENT, REVERSAL -> Optional.of("3");
            case PLEDGE, PLEDGE_REVISION -> Optional.empty();
        };
    }

    /** Codelist Sector (OECD DAC 5-digit purpose codes): the closest purpose of each category. */
    public static String sector(Category category) {
        return switch (category) {
            case ECONOMIC_DIALOGUE -> "33110"; // Trade policy and administrative management
            case SECURITY -> "15210"; // Security system management and reform
            case LABOR -> "16020"; // Employment creation
            case MIGRATION -> "15190"; // Facilitation of orderly, safe, regular and responsible migration
            case LAW_ENFORCEMENT -> "15130"; // Legal and judicial development
            case INVESTMENT -> "25010"; // Business policy and administration
            case HUMAN_RIGHTS -> "15160"; // Human rights
            case OTHER -> "99810"; // Sectors not specified
        };
    }
}
