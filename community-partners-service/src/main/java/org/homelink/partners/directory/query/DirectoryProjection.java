package org.homelink.partners.directory.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.homelink.contracts.partners.PartnerRegistered;
import org.homelink.contracts.partners.PartnerRenamed;
import org.homelink.platform.web.Paged;
import org.homelink.partners.directory.SupportTaxonomy;
import org.homelink.partners.directory.command.OrganisationDescribed;
import org.homelink.partners.directory.command.ServicePublished;
import org.homelink.partners.directory.command.ServiceRevised;
import org.homelink.platform.mongo.MongoSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

/**
 * The directory of partner organisations and their services, in the service's own database: what the public Open
 * Referral API reads, and what matching's index is built from.
 * <p>
 * Idempotent and replayable: each organisation and service records the sequence number of the last event applied
 * to it, and an event at or below it is passed over, so a redelivered event changes nothing and a reset followed by
 * a replay builds the same documents. The taxonomy terms services are tagged with are kept as the latest service
 * to use each gave them.
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
public class DirectoryProjection {

    public static final String PROCESSING_GROUP = "partner-directory";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final String COUNTER = "services";

    private final MongoCollection<OrganisationView> organisations;
    private final MongoCollection<ServiceView> services;
    private final MongoCollection<TaxonomyTermView> terms;
    private final MongoCollection<Document> state;
    private final ObjectMapper json;

    @Autowired
    public DirectoryProjection(MongoClient client, MongoSettings settings, ObjectMapper json) {
        this(client.getDatabase(settings.database()), json);
    }

    public DirectoryProjection(MongoDatabase database, ObjectMapper json) {
        this.organisations = database.getCollection("organisations", OrganisationView.class);
        this.services = database.getCollection("services", ServiceView.class);
        this.terms = database.getCollection("taxonomyTerms", TaxonomyTermView.class);
        this.state = database.getCollection("directoryState");
        this.json = json;
    }

    @EventHandler
    void on(PartnerRegistered event, @SequenceNumber long sequence) {
        if (organisation(event.organisationId()).isEmpty()) {
            organisations.replaceOne(eq("_id", event.organisationId()),
                                     organisationView(event.organisationId(), event.name(), null, null, sequence),
                                     UPSERT);
        }
    }

    @EventHandler
    void on(PartnerRenamed event, @SequenceNumber long sequence) {
        organisation(event.organisationId()).filter(known -> known.version() < sequence).ifPresent(known ->
                organisations.replaceOne(eq("_id", known.organisationId()), organisationView(
                        known.organisationId(), event.name(), known.document(), known.owningTrustId(), sequence)));
    }

    @EventHandler
    void on(OrganisationDescribed event, @SequenceNumber long sequence) {
        organisation(event.organisationId()).filter(known -> known.version() < sequence).ifPresent(known ->
                organisations.replaceOne(eq("_id", known.organisationId()), organisationView(
                        known.organisationId(), known.name(), event.document(), event.owningTrustId(), sequence)));
    }

    private OrganisationView organisationView(String organisationId, String name, String document,
                                              String owningTrustId, long version) {
        String description = document == null ? null : read(document).path("description").asText(null);
        return new OrganisationView(organisationId, name, document, owningTrustId,
                                    DirectorySearch.textOf(name, description), version);
    }

    @EventHandler
    void on(ServicePublished event, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.serviceId(), event.organisationId(), event.document(), event.capacity(), sequence, at);
    }

    @EventHandler
    void on(ServiceRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(event.serviceId(), event.organisationId(), event.document(), event.capacity(), sequence, at);
    }

    @ResetHandler
    void reset() {
        organisations.deleteMany(new Document());
        services.deleteMany(new Document());
        terms.deleteMany(new Document());
        state.deleteMany(new Document());
    }

    private void save(String serviceId, String organisationId, String text, Integer capacity, long sequence,
                      Instant at) {
        if (versionOfService(serviceId) >= sequence) {
            return; // applied before: a redelivery or a replay over a model that was not reset
        }
        JsonNode document = read(text);
        for (JsonNode attribute : document.path("attributes")) {
            JsonNode term = attribute.path("taxonomy_term");
            if (term.hasNonNull("id") && SupportTaxonomy.CATEGORIES.stream()
                                                             .noneMatch(c -> c.termId().equals(term.get("id").asText()))) {
                terms.replaceOne(eq("_id", term.get("id").asText()), new TaxonomyTermView(
                        term.get("id").asText(), ServiceView.taxonomyOf(term).orElse(null),
                        term.path("taxonomy").asText(null), term.toString()), UPSERT);
            }
        }
        Document counter = state.findOneAndUpdate(eq("_id", COUNTER), Updates.inc("changeNumber", 1L),
                                                  new FindOneAndUpdateOptions().upsert(true)
                                                                               .returnDocument(ReturnDocument.AFTER));
        services.replaceOne(eq("_id", serviceId), ServiceView.of(serviceId, organisationId, document, capacity, at,
                                                                  sequence, counter.getLong("changeNumber"), text),
                            UPSERT);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("A directory document is not JSON", e);
        }
    }

    public Optional<OrganisationView> organisation(String organisationId) {
        return Optional.ofNullable(organisations.find(eq("_id", organisationId)).first());
    }

    /**
     * A page of the organisations described so far that {@code search} finds (every word in the name or the
     * description; all of them when null), in order of name, and how many it finds in all.
     */
    public Paged<OrganisationView> organisations(String search, int page, int size) {
        List<Bson> filters = new ArrayList<>(DirectorySearch.everyWord(search));
        filters.add(ne("document", null));
        return page(organisations, and(filters), page, size);
    }

    public Map<String, OrganisationView> organisations(Collection<String> organisationIds) {
        return organisations.find(in("_id", organisationIds)).into(new ArrayList<>()).stream()
                            .collect(Collectors.toMap(OrganisationView::organisationId, Function.identity()));
    }

    public Optional<ServiceView> service(String serviceId) {
        return Optional.ofNullable(services.find(eq("_id", serviceId)).first());
    }

    /** A page of the services that {@code filter} finds, in order of name, and how many it finds in all. */
    public Paged<ServiceView> services(Bson filter, int page, int size) {
        return page(services, filter, page, size);
    }

    private static <T> Paged<T> page(MongoCollection<T> collection, Bson filter, int page, int size) {
        long total = collection.countDocuments(filter);
        List<T> items = collection.find(filter).sort(Sorts.ascending("name", "_id"))
                                  .skip(page * size).limit(size).into(new ArrayList<>());
        return Paged.of(items, page, size, total);
    }

    /** Every service {@code filter} finds, in order of name: for filters the store cannot apply itself. */
    public List<ServiceView> allServices(Bson filter) {
        return services.find(filter).sort(Sorts.ascending("name", "_id")).into(new ArrayList<>());
    }

    public List<TaxonomyTermView> taxonomyTerms() {
        return terms.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** How many service changes the directory has applied: it only grows, unless the directory is rebuilt. */
    public long changeNumber() {
        Document counter = state.find(eq("_id", COUNTER)).first();
        return counter == null ? 0 : counter.getLong("changeNumber");
    }

    /** The services changed after {@code changeNumber}. */
    public List<ServiceView> changedSince(long changeNumber) {
        return services.find(gt("changeNumber", changeNumber)).into(new ArrayList<>());
    }

    public long versionOfService(String serviceId) {
        return service(serviceId).map(ServiceView::version).orElse(-1L);
    }

    public long versionOfOrganisation(String organisationId) {
        return organisation(organisationId).map(OrganisationView::version).orElse(-1L);
    }
}
