package org.commitmenttracker.query.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * What the public side shows and how much of it one client may ask for.
 *
 * @param commitments the published commitments: ids or patterns with {@code *} (all by default)
 * @param rateLimit   requests per client address: a bucket of {@code capacity} tokens refilled
 *                    evenly over {@code period}
 * @param iati        the reporting organisation of the IATI activity file
 */
@ConfigurationProperties("tracker.public")
public record PublicationProperties(List<String> commitments, RateLimit rateLimit, Iati iati) {

    public PublicationProperties {
        commitments = commitments == null || commitments.isEmpty() ? List.of("*") : List.copyOf(commitments);
        rateLimit = rateLimit == null ? new RateLimit(0, null) : rateLimit;
        iati = iati == null ? new Iati(null, null, null) : iati;
    }

    public record RateLimit(int capacity, Duration period) {
        public RateLimit {
            capacity = capacity <= 0 ? 300 : capacity;
            period = period == null || period.isZero() || period.isNegative() ? Duration.ofMinutes(1) : period;
        }
    }

    /**
     * @param reportingOrgRef  the organisation identifier (IATI organisation identifier codelist) that
     *                         prefixes every activity identifier
     * @param reportingOrgName its name
     * @param reportingOrgType its IATI OrganisationType code (10: government)
     */
    public record Iati(String reportingOrgRef, String reportingOrgName, String reportingOrgType) {
        public Iati {
            reportingOrgRef = blank(reportingOrgRef) ? "XI-TRACKER-LOCAL" : reportingOrgRef;
            reportingOrgName = blank(reportingOrgName) ? "Commitment Tracker" : reportingOrgName;
            reportingOrgType = blank(reportingOrgType) ? "10" : reportingOrgType;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
