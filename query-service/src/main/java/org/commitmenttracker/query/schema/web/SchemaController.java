package org.commitmenttracker.query.schema.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commitmenttracker.query.schema.EventSchemaCatalogue;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/schemas", produces = MediaType.APPLICATION_JSON_VALUE)
class SchemaController {

    private final EventSchemaCatalogue catalogue;

    SchemaController(EventSchemaCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    List<EventSchemaCatalogue.Entry> list() {
        return catalogue.entries();
    }

    @GetMapping("/{type}/{revision}")
    ObjectNode schema(@PathVariable String type, @PathVariable String revision) {
        return catalogue.find(type, revision).orElseThrow(() -> ApiException.notFound(
                "No schema for event type '" + abbreviate(type) + "' revision '" + abbreviate(revision) + "'."));
    }

    private static String abbreviate(String text) {
        String plain = text.replaceAll("[^A-Za-z0-9._-]", "?");
        return plain.length() > 60 ? plain.substring(0, 60) + "..." : plain;
    }
}
