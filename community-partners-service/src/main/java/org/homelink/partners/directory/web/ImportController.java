package org.homelink.partners.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.homelink.partners.Roles;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.RequestContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/**
 * Imports an Open Referral UK feed into the directory, from a file sent with the request or from a URL the service
 * fetches (following the feed's pages) from a host its settings allow. Key workers and school and trust leaders;
 * the organisations a feed adds are kept by the importer's trust.
 */
@RestController
@RequestMapping("/api/partners/imports")
@Tag(name = "Directory", description = "Partner organisations and their support services, in Open Referral UK form")
@Allowed(Permission.DIRECTORY_KEEP)
class ImportController {

    private final FeedImport feedImport;
    private final RemoteFeeds remoteFeeds;

    ImportController(FeedImport feedImport, RemoteFeeds remoteFeeds) {
        this.feedImport = feedImport;
        this.remoteFeeds = remoteFeeds;
    }

    /** @param url where the feed is: an http or https URL */
    record ImportFromUrl(@NotBlank @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https URL")
                         String url) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import an Open Referral UK feed from a URL",
               description = "Fetches the feed and every page after it, from a host the deployment allows "
                             + "(homelink.partners.import.allowed-hosts; none by default, which answers 422 naming "
                             + "url). Nothing is stored from a feed with a fault; the answer names each record and "
                             + "field at fault. Importing again changes only what changed.")
    FeedImport.ImportReport importFromUrl(RequestContext actor, @Valid @RequestBody ImportFromUrl request) {
        Roles.requireDirectoryEditor(actor);
        return feedImport.importFeed(remoteFeeds.fetch(request.url()), actor);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an Open Referral UK feed from a file", description = "The file in the part named "
            + "file: a page of an Open Referral API, or a list of services or organizations. A file larger than "
            + "homelink.partners.import.max-size is refused before it is read: 413.")
    FeedImport.ImportReport importFromFile(RequestContext actor, @RequestPart("file") MultipartFile file)
            throws IOException {
        Roles.requireDirectoryEditor(actor);
        return feedImport.importFeed(file.getBytes(), actor);
    }
}
