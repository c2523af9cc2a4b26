package org.commitmenttracker.query.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.events.log.ExportFormat;
import org.commitmenttracker.query.audit.LogExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** {@code GET /api/export} (AUDITOR): the zip the offline verifier reads (README, "Auditing offline"). */
@RestController
class ExportController {

    private final LogExport export;

    ExportController(LogExport export) {
        this.export = export;
    }

    /** Written straight to the response, in this request's thread: no async timeout cuts a long export. */
    @GetMapping(path = "/api/export")
    void export(@RequestParam(required = false) @Size(max = 80) String commitmentId, HttpServletResponse response)
            throws IOException {
        ExportFormat.Manifest manifest = export.plan(commitmentId);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename((commitmentId == null ? "log" : commitmentId) + "-" + manifest.treeSize() + ".zip")
                .build().toString());
        export.write(manifest, response.getOutputStream());
    }
}
