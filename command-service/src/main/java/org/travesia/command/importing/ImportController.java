package org.travesia.command.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Codes;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Violations;
import org.travesia.platform.axon.CommandMetadata;
import org.travesia.platform.web.NotFoundException;
import org.travesia.platform.security.CurrentActor;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

/**
 * {@code POST /api/v1/imports/mmp}: an MMP file (either layout) as the body ({@code text/csv}) or as the multipart
 * field {@code file}, up to 50 MB. The upload is spooled to a temporary file and checked from end to end; a file that
 * is not an MMP file is refused whole (400) before anything is imported; otherwise the import runs in the background
 * and the answer is 202 with its id. {@code sharing} (default {@code PUBLIC}) is the sharing of the incidents it
 * creates; {@code revision} (default today, UTC) the date of the MMP revision, named in the reason of amendments.
 * {@code GET /api/v1/imports/{id}} shows its state and counts to its organisation's analysts and admins.
 */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
class ImportController {

    private final MmpImporter importer;
    private final ImportProgress progress;
    private final CurrentActor currentActor;
    private final Clock clock;

    ImportController(MmpImporter importer, ImportProgress progress, CurrentActor currentActor, Clock clock) {
        this.importer = importer;
        this.progress = progress;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @PostMapping(path = "/mmp", consumes = {"text/csv", MediaType.MULTIPART_FORM_DATA_VALUE})
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<Map<String, Object>> importMmp(HttpServletRequest request,
                                                  @RequestParam(required = false) String sharing,
                                                  @RequestParam(required = false) String revision) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        SharingLevel level = sharing == null ? SharingLevel.PUBLIC
                : Codes.parse(v, "sharing", sharing, SharingLevel.class, true);
        String revisionOf = revision == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString()
                : revisionDate(v, revision);
        v.throwIfAny();
        Path upload = spool(request);
        MmpFile.Checked checked;
        try {
            checked = new MmpFile(upload).check();
        } catch (RuntimeException refused) {
            delete(upload);
            throw refused;
        }
        String client = CommandMetadata.of(actor).getOrDefault(org.travesia.kernel.common.MetadataKeys.CLIENT,
                "unknown").toString();
        String importId = importer.start(upload, checked,
                new MmpImporter.Request(actor, level, revisionOf, client));
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/imports/" + importId)
                .body(Map.of("importId", importId));
    }

    @GetMapping("/{importId}")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    Map<String, Object> find(@PathVariable String importId) {
        return progress.find(importId, currentActor.get().organisation())
                .orElseThrow(() -> new NotFoundException("import.not-found"));
    }

    private static String revisionDate(Violations v, String revision) {
        try {
            return LocalDate.parse(revision).toString();
        } catch (DateTimeParseException e) {
            v.add("revision", "parameter.invalid", "revision");
            return null;
        }
    }

    /** The body, or the multipart field {@code file}, copied to a temporary file as it arrives. */
    private static Path spool(HttpServletRequest request) {
        try {
            Path file = Files.createTempFile("travesia-mmp-", ".csv");
            try (InputStream body = body(request)) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                delete(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream body(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            try {
                Part part = request.getPart("file");
                if (part == null) {
                    throw new InvalidValueException("file", "field.required");
                }
                return part.getInputStream();
            } catch (ServletException e) {
                throw new InvalidValueException("file", "import.file.not-multipart");
            }
        }
        return request.getInputStream();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file: the system's cleaning removes it.
        }
    }
}
