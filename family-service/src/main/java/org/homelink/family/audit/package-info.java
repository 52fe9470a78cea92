/**
 * The audit trail of families' data, for school and trust leaders: who read or changed which family, and when, in
 * every service. Every service records its own requests (the platform's {@code org.homelink.platform.audit}); this
 * feature answers the questions, because family-service knows each family's schools and so who may ask.
 * <ul>
 *     <li>{@link org.homelink.family.audit.FamilyDirectoryScopes}: tells the recorder each family's trust and
 *     schools, so that what is done to a family is filed under its schools;</li>
 *     <li>{@code web}: a family's trail and a school's day under {@code /api/families}.</li>
 * </ul>
 */
package org.homelink.family.audit;
