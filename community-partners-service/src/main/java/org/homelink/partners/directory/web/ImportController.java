package org.homelink.partners.directory.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.homelink.partners.InvalidDocumentException;
import org.homelink.partners.InvalidDocumentException.FieldError;
import org.homelink.partners.Roles;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.RuleBrokenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports an Open Referral UK feed into the directory, from a file sent with the request or from a URL the service
 * fetches (following the feed's pages). Key workers and school and trust leaders; the organisations a feed adds are
 * kept by the importer's trust.
 */
@RestController
@RequestMapping("/api/partners/imports")
@Tag(name = "Directory", description = "Partner organisations and their support services, in Open Referral UK form")
class ImportController {

    /** Enough for thousands of services; a larger feed is most likely not a feed. */
    private static final long LARGEST_FEED = 50L * 1024 * 1024;
    private static final int MOST_PAGES = 200;

    private final FeedImport feedImport;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Duration timeout;

    ImportController(FeedImport feedImport, ObjectMapper json,
                     @Value("${homelink.partners.import.timeout:30s}") Duration timeout) {
        this.feedImport = feedImport;
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                              .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** @param url where the feed is: an http or https URL */
    record ImportFromUrl(@NotBlank @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https URL")
                         String url) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import an Open Referral UK feed from a URL",
               description = "Fetches the feed and every page after it. Nothing is stored from a feed with a fault; "
                             + "the answer names each record and field at fault. Importing again changes only what "
                             + "changed.")
    FeedImport.ImportReport importFromUrl(RequestContext actor, @Valid @RequestBody ImportFromUrl request) {
        Roles.requireDirectoryEditor(actor);
        List<JsonNode> pages = new ArrayList<>();
        URI next = URI.create(request.url().strip());
        while (next != null && pages.size() < MOST_PAGES) {
            JsonNode page = fetch(next);
            pages.add(page);
            next = nextPage(next, page);
        }
        return feedImport.importFeed(pages, actor);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an Open Referral UK feed from a file", description = "The file in the part named "
            + "file: a page of an Open Referral API, or a list of services or organizations.")
    FeedImport.ImportReport importFromFile(RequestContext actor, @RequestPart("file") MultipartFile file)
            throws IOException {
        Roles.requireDirectoryEditor(actor);
        if (file.getSize() > LARGEST_FEED) {
            throw new InvalidDocumentException(List.of(new FieldError("file", "is larger than a feed can be")));
        }
        return feedImport.importFeed(file.getBytes(), actor);
    }

    private JsonNode fetch(URI url) {
        try {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new FeedUnavailable("The feed answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes((int) LARGEST_FEED + 1);
                if (bytes.length > LARGEST_FEED) {
                    throw new FeedUnavailable("The feed is larger than a feed can be");
                }
                return json.readTree(bytes);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidDocumentException(List.of(new FieldError("url", "does not give JSON")));
        } catch (IOException | IllegalArgumentException e) {
            throw new FeedUnavailable("The feed could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailable("The feed could not be fetched");
        }
    }

    /** The next page of an Open Referral API's paged answer, or null on the last page or for a plain file. */
    private static URI nextPage(URI url, JsonNode page) {
        if (!page.isObject() || !page.has("contents") || page.path("last_page").asBoolean(true)
            || !page.path("page_number").canConvertToInt()) {
            return null;
        }
        return UriComponentsBuilder.fromUri(url).replaceQueryParam("page", page.get("page_number").asInt() + 1)
                                   .build(true).toUri();
    }

    static class FeedUnavailable extends RuleBrokenException {
        FeedUnavailable(String detail) {
            super("url", detail);
        }
    }
}
