/**
 * The events Homelink's services publish to each other: the integration contract.
 * <p>
 * Every service appends to one shared event log and reads all of it, so an event published here is read by other
 * services, by processors replaying the log years from now, and by the front-ends that trusts build on the API.
 * Once an event has been published, it is an API. Each one follows these rules:
 * <ul>
 *     <li><b>A Java record</b>, immutable, holding only JDK types ({@code String}, {@code UUID}, {@code java.time}),
 *     enums and other records from this module. No type from a service, because a reader must not need the
 *     writer's code.</li>
 *     <li><b>Named in the past tense</b>, for what happened in the domain: {@code FamilyRegistered},
 *     {@code ReferralAccepted}. A published event is never an instruction to another service.</li>
 *     <li><b>Versioned</b> with Axon's {@code @Revision} ({@code org.axonframework.serialization.Revision}),
 *     starting at {@code "1"}.</li>
 *     <li><b>Upcast when it changes.</b> Events already in the log are never rewritten. Any change to an event's
 *     shape (a field added, renamed, removed or retyped) raises its revision and comes with an upcaster from the
 *     previous revision, so that every stored event still reads as the current record. A field never changes
 *     its meaning: a new meaning needs a new field or a new event.</li>
 *     <li><b>No Spring and no persistence annotations</b> ({@code @Document}, {@code @Id}, {@code @Entity} and the
 *     like), and no serialiser annotations: records serialise as they are. {@code @Revision} and this module's own
 *     {@code @PersonalData} and {@code @DataSubject} are the only annotations, and this module depends on nothing
 *     else.</li>
 *     <li><b>Javadoc on every event and every component</b>: who publishes it, when, and what a reader may rely
 *     on. Other services and the trusts' front-ends depend on it, and the Javadoc is the only documentation they
 *     have.</li>
 *     <li><b>Tenancy on every event</b>: each carries the trust and the school it belongs to, so that each reader
 *     can keep to its own limits without asking anyone.</li>
 *     <li><b>Ids rather than copies</b> of another service's data, and a family's personal details only where a
 *     reader needs them, in fields that erasure can reach: each marked {@code @PersonalData}, in a record whose
 *     {@code @DataSubject} names the family (see {@link org.homelink.contracts.privacy}).</li>
 * </ul>
 * Only events that another service reads belong here. An event that only its own service needs stays inside that
 * service, where it can change without this contract changing.
 */
package org.homelink.contracts;
