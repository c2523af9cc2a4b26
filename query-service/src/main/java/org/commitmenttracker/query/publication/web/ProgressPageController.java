package org.commitmenttracker.query.publication.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentFilter;
import org.commitmenttracker.query.commitment.CommitmentSummary;
import org.commitmenttracker.query.funding.FundingLedger;
import org.commitmenttracker.query.publication.ProgressFigures;
import org.commitmenttracker.query.publication.ProgressFigures.Progress;
import org.commitmenttracker.query.publication.PublishedCommitments;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The progress page for people: {@code /public/} lists the commitments, {@code /public/commitments/{id}}
 * shows one. HTML, so left out of the OpenAPI description of the JSON API.
 */
@Hidden
@Controller
@RequestMapping("/public")
class ProgressPageController {

    private final PublishedCommitments published;
    private final Clock clock;

    ProgressPageController(PublishedCommitments published, Clock clock) {
        this.published = published;
        this.clock = clock;
    }

    /** One line of the list. */
    record Row(CommitmentSummary summary, Progress progress) {
    }

    @GetMapping({"", "/"})
    String list(@RequestParam(required = false) @Size(max = 20) String lang,
                @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                Model model, HttpServletResponse response) {
        PageText text = language(lang, acceptLanguage, response);
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = new ArrayList<>();
        for (CommitmentSummary summary : published.all(CommitmentFilter.ANY, today)) {
            published.detail(summary.id(), today)
                    .ifPresent(detail -> rows.add(new Row(summary, ProgressFigures.progress(detail))));
        }
        model.addAttribute("t", text);
        model.addAttribute("rows", rows);
        return "public/list";
    }

    @GetMapping("/commitments/{id}")
    String commitment(@PathVariable @Size(max = 80) String id,
                      @RequestParam(required = false) @Size(max = 20) String lang,
                      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                      Model model, HttpServletResponse response) {
        PageText text = language(lang, acceptLanguage, response);
        model.addAttribute("t", text);
        CommitmentDetail detail = published.detail(id, LocalDate.now(clock)).orElse(null);
        if (detail == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "public/not-found";
        }
        FundingLedger ledger = published.ledger(id).orElseGet(() -> FundingLedger.of(List.of()));
        List<ProgressFigures.FiscalYearFunding> years = ProgressFigures.byFiscalYear(detail, ledger);
        model.addAttribute("c", detail);
        model.addAttribute("progress", ProgressFigures.progress(detail));
        model.addAttribute("ledger", ledger);
        model.addAttribute("years", years);
        model.addAttribute("chart", FundingChart.of(years, ledger.currency(), text));
        model.addAttribute("timeline", published.timeline(id).orElse(List.of()));
        return "public/commitment";
    }

    private static PageText language(String lang, String acceptLanguage, HttpServletResponse response) {
        PageText text = PageText.choose(lang, acceptLanguage);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, text.lang());
        return text;
    }
}
