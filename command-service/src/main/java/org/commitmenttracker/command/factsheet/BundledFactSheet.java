package org.commitmenttracker.command.factsheet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.command.messaging.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/** Imports the fact sheet named by {@code tracker.seed.fact-sheet} at start-up (the local stack does). */
@Component
@ConditionalOnProperty("tracker.seed.fact-sheet")
class BundledFactSheet implements ApplicationRunner {

    static final String ACTOR = "system:fact-sheet-import";
    private static final Logger log = LoggerFactory.getLogger(BundledFactSheet.class);

    private final FactSheetImporter importer;
    private final ObjectMapper objectMapper;
    private final Resource factSheet;

    BundledFactSheet(FactSheetImporter importer, ObjectMapper objectMapper,
                     @Value("${tracker.seed.fact-sheet}") Resource factSheet) {
        this.importer = importer;
        this.objectMapper = objectMapper;
        this.factSheet = factSheet;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        FactSheet sheet;
        try (InputStream json = factSheet.getInputStream()) {
            sheet = objectMapper.readValue(json, FactSheet.class);
        }
        var report = importer.importSheet(sheet, CommandContext.system(ACTOR, UUID.randomUUID().toString()));
        log.info("Fact sheet '{}': {} commitment(s) announced, {} already recorded, {} event(s) recorded",
                sheet.source().title(), report.announced().size(), report.existing().size(), report.eventsRecorded());
    }
}
