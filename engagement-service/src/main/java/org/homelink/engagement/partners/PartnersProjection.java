package org.homelink.engagement.partners;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.partners.PartnerRegistered;
import org.homelink.contracts.partners.PartnerRenamed;
import org.homelink.contracts.partners.ReferralAccepted;
import org.homelink.contracts.partners.ReferralClosed;
import org.homelink.contracts.partners.ReferralDeclined;
import org.homelink.contracts.partners.ReferralEvent;
import org.homelink.contracts.partners.ReferralMade;
import org.homelink.contracts.partners.ReferralOpened;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.partners.FamilyReferrals.Referral;
import org.homelink.engagement.partners.FamilyReferrals.Step;
import org.homelink.platform.mongo.MongoSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;

/**
 * What engagement-service knows of community-partners-service: the partner organisations (so an activity can be
 * co-hosted with one that exists) and each family's referrals (so they show on the family's engagement timeline).
 * Part of the families' processing group: one reader of the log for everything about families.
 * <p>
 * Idempotent: a referral is keyed by its id and each of its steps by what it was, so an event applied twice leaves
 * the document as once.
 */
@Component
@ProcessingGroup(FamilyEngagementProjection.PROCESSING_GROUP)
public class PartnersProjection {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<PartnerOrganisation> organisations;
    private final MongoCollection<FamilyReferrals> referrals;

    @Autowired
    public PartnersProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public PartnersProjection(MongoDatabase database) {
        this.organisations = database.getCollection("partnerOrganisations", PartnerOrganisation.class);
        this.referrals = database.getCollection("familyReferrals", FamilyReferrals.class);
    }

    @EventHandler
    void on(PartnerRegistered event) {
        organisations.replaceOne(eq("_id", event.organisationId()),
                                 new PartnerOrganisation(event.organisationId(), event.name()), UPSERT);
    }

    @EventHandler
    void on(PartnerRenamed event) {
        organisations.replaceOne(eq("_id", event.organisationId()),
                                 new PartnerOrganisation(event.organisationId(), event.name()), UPSERT);
    }

    @EventHandler
    void on(ReferralMade event) {
        FamilyReferrals family = Optional.ofNullable(referrals.find(eq("_id", event.familyId())).first())
                                         .orElse(new FamilyReferrals(event.familyId(), event.trustId(), List.of()));
        if (family.referrals().stream().anyMatch(referral -> referral.referralId().equals(event.referralId()))) {
            return;
        }
        Referral made = new Referral(event.referralId(), event.organisationId(), event.organisationName(),
                                     event.serviceName(), event.category(),
                                     List.of(new Step("MADE", event.madeAt(), event.madeBy(), null)));
        referrals.replaceOne(eq("_id", event.familyId()), new FamilyReferrals(
                family.familyId(), family.trustId(),
                Stream.concat(family.referrals().stream(), Stream.of(made)).toList()), UPSERT);
    }

    @EventHandler
    void on(ReferralOpened event) {
        step(event, new Step("OPENED", event.openedAt(), event.openedBy(), null));
    }

    @EventHandler
    void on(ReferralAccepted event) {
        step(event, new Step("ACCEPTED", event.acceptedAt(), event.acceptedBy(), null));
    }

    @EventHandler
    void on(ReferralDeclined event) {
        step(event, new Step("DECLINED", event.declinedAt(), event.declinedBy(), event.reason().name()));
    }

    @EventHandler
    void on(ReferralClosed event) {
        step(event, new Step("CLOSED", event.closedAt(), event.closedBy(), event.outcome().name()));
    }

    /** An erased family's referrals leave its timeline with it. */
    @EventHandler
    void on(FamilyErased event) {
        referrals.deleteOne(eq("_id", event.familyId()));
    }

    @ResetHandler
    void reset() {
        organisations.deleteMany(new Document());
        referrals.deleteMany(new Document());
    }

    public Optional<PartnerOrganisation> organisation(String organisationId) {
        return Optional.ofNullable(organisations.find(eq("_id", organisationId)).first());
    }

    public List<Referral> referralsOf(String familyId) {
        return Optional.ofNullable(referrals.find(eq("_id", familyId)).first())
                       .map(FamilyReferrals::referrals).orElse(List.of());
    }

    private void step(ReferralEvent event, Step step) {
        FamilyReferrals family = referrals.find(eq("_id", event.familyId())).first();
        if (family == null) {
            return; // the referral was never made here: nothing to add a step to
        }
        List<Referral> updated = new ArrayList<>();
        for (Referral referral : family.referrals()) {
            boolean ours = referral.referralId().equals(event.referralId());
            boolean known = referral.steps().stream().anyMatch(s -> s.what().equals(step.what()));
            updated.add(ours && !known
                    ? new Referral(referral.referralId(), referral.organisationId(), referral.organisationName(),
                                   referral.serviceName(), referral.category(),
                                   Stream.concat(referral.steps().stream(), Stream.of(step)).toList())
                    : referral);
        }
        referrals.replaceOne(eq("_id", family.familyId()),
                             new FamilyReferrals(family.familyId(), family.trustId(), updated), UPSERT);
    }
}
