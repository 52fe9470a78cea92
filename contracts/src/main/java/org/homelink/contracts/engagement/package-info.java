/**
 * What engagement-service publishes: engagement activities (coffee mornings, family afternoons, workshops,
 * parents' evenings...), who was invited, how they answered and who came; and the contact log between school and
 * family (home visits, phone calls, conversations at the gate, meetings, messages) with its follow-ups; and each
 * attendance concern a school raises about a pupil ({@link AttendanceConcernRaised}) and how far it was escalated
 * ({@link ConcernEscalated}); each carer's acknowledgement of a version of their school's home-school agreement
 * ({@link AgreementAcknowledged}); and each message or newsletter sent to carers ({@link MessageSent}) and each
 * copy that reached its carer ({@link MessageDelivered}).
 * <p>
 * Activity events are {@link org.homelink.contracts.engagement.ActivityEvent}s: they name the activity, its trust
 * and the one school that hosts it. Events about one family ({@link FamilyInvited}, {@link InvitationAnswered},
 * {@link AttendanceRecorded}, {@link ContactLogged}, {@link FollowUpCompleted}) also name the family, so a reader can
 * place them on the family's engagement history. Staff are named by their staff id only; carers and children by the
 * ids family-service gave them.
 */
package org.homelink.contracts.engagement;
