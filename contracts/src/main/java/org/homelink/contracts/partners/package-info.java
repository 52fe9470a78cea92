/**
 * Partner organisations, the support needs raised for families and the referrals made to partners, published by
 * community-partners-service.
 * <p>
 * A partner organisation belongs to no trust: the directory of partners and their support services is public, and
 * any trust may refer a family to any of them. Support needs and referrals do belong to a family, so their events
 * carry the family's trust and schools, as every family event does, so a reader can keep each within the schools of
 * the staff who ask about it without remembering anything else. A referral also names the organisation it is
 * addressed to: that organisation, and no other, may see it.
 * <p>
 * No event here carries a family's name or contact details: a reader that shows a referral on a family's timeline
 * already knows the family from family-service's own events. What they do say about a family (the kind of support
 * it needs, how urgently, a partner's or a school's note) is {@code @PersonalData}, encrypted under the family's key.
 * Staff and partners' workers are named by their ids only.
 */
package org.homelink.contracts.partners;
