package org.commitmenttracker.query.publication.web;

import org.commitmenttracker.query.publication.ProgressFigures.FiscalYearFunding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The bars of the funding chart, laid out here so that the page is an SVG drawn on the server:
 * it shows without JavaScript, and every bar carries its amount as text.
 */
record FundingChart(int width, int height, List<Group> groups) {

    static final int LABEL = 70;
    static final int BAR_SPACE = 330;
    static final int BAR_HEIGHT = 18;
    static final int GAP = 4;
    static final int GROUP_GAP = 16;

    record Group(String fiscalYear, int y, List<Bar> bars) {
    }

    /** {@code kind} is pledged, obligated or disbursed (the CSS class); {@code text} the amount as shown. */
    record Bar(String kind, String name, int y, int width, int textX, String text) {
    }

    static FundingChart of(List<FiscalYearFunding> years, String currency, PageText text) {
        BigDecimal largest = years.stream().map(FiscalYearFunding::largest).reduce(BigDecimal.ZERO, BigDecimal::max);
        List<Group> groups = new ArrayList<>();
        int y = 0;
        for (FiscalYearFunding year : years) {
            List<Bar> bars = new ArrayList<>();
            int barY = y;
            for (Object[] bar : List.of(new Object[]{"pledged", year.pledged()}, new Object[]{"obligated", year.obligated()},
                    new Object[]{"disbursed", year.disbursed()})) {
                BigDecimal value = (BigDecimal) bar[1];
                int width = largest.signum() <= 0 || value.signum() <= 0 ? 0 : Math.max(1, value
                        .multiply(BigDecimal.valueOf(BAR_SPACE)).divide(largest, 0, RoundingMode.HALF_UP).intValue());
                String kind = (String) bar[0];
                bars.add(new Bar(kind, text.get("detail." + kind), barY, width, LABEL + width + 6,
                        text.money(value, currency)));
                barY += BAR_HEIGHT + GAP;
            }
            groups.add(new Group(year.fiscalYear(), y, bars));
            y = barY + GROUP_GAP;
        }
        return new FundingChart(LABEL + BAR_SPACE + 200, Math.max(y - GROUP_GAP, 0), groups);
    }
}
