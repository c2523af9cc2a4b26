package org.commitmenttracker.verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.commitmenttracker.events.log.ExportFormat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** An export zip as read, nothing checked yet. */
public record Export(ExportFormat.Manifest manifest, String key, TreeMap<Long, String> checkpoints,
              List<ExportFormat.Event> events, List<ExportFormat.Inclusion> proofs) {

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static Export read(Path zip) throws IOException {
        try (InputStream in = Files.newInputStream(zip)) {
            return read(in);
        }
    }

    public static Export read(InputStream in) throws IOException {
        ExportFormat.Manifest manifest = null;
        String key = null;
        TreeMap<Long, String> checkpoints = new TreeMap<>();
        List<ExportFormat.Event> events = new ArrayList<>();
        List<ExportFormat.Inclusion> proofs = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.equals(ExportFormat.MANIFEST)) {
                    manifest = JSON.readValue(text(zip), ExportFormat.Manifest.class);
                } else if (name.equals(ExportFormat.KEY)) {
                    key = text(zip).trim();
                } else if (name.startsWith(ExportFormat.CHECKPOINTS) && name.endsWith(".txt")) {
                    long size = Long.parseLong(name.substring(ExportFormat.CHECKPOINTS.length(), name.length() - 4));
                    checkpoints.put(size, text(zip));
                } else if (name.equals(ExportFormat.EVENTS)) {
                    lines(zip, line -> events.add(JSON.readValue(line, ExportFormat.Event.class)));
                } else if (name.equals(ExportFormat.PROOFS)) {
                    lines(zip, line -> proofs.add(JSON.readValue(line, ExportFormat.Inclusion.class)));
                }
            }
        }
        if (manifest == null || !ExportFormat.FORMAT.equals(manifest.format())) {
            throw new IOException("not an export of Commitment Tracker (no " + ExportFormat.MANIFEST + " of format "
                    + ExportFormat.FORMAT + ")");
        }
        return new Export(manifest, key, checkpoints, events, proofs);
    }

    private static String text(ZipInputStream zip) throws IOException {
        return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
    }

    private interface LineConsumer {
        void accept(String line) throws IOException;
    }

    private static void lines(ZipInputStream zip, LineConsumer consumer) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                consumer.accept(line);
            }
        }
    }
}
