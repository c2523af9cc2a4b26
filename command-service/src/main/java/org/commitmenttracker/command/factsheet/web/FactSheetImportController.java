package org.commitmenttracker.command.factsheet.web;

import jakarta.validation.Valid;
import org.commitmenttracker.command.factsheet.FactSheet;
import org.commitmenttracker.command.factsheet.FactSheetImporter;
import org.commitmenttracker.command.messaging.CommandContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FactSheetImportController {

    private final FactSheetImporter importer;

    FactSheetImportController(FactSheetImporter importer) {
        this.importer = importer;
    }

    /** Imports a fact sheet of many commitments; importing it again records nothing. */
    @PostMapping(path = "/api/imports/fact-sheets", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    FactSheetImporter.Report importFactSheet(@Valid @RequestBody FactSheet sheet, CommandContext context) {
        return importer.importSheet(sheet, context);
    }
}
