/**
 * The register of trusts and their schools, kept by family-service and published as events so that every service
 * knows them the same way.
 * <ul>
 *     <li>{@code command}: the {@link org.homelink.family.trust.command.Trust} aggregate and its commands;</li>
 *     <li>{@code query}: the {@link org.homelink.family.trust.query.SchoolRegister}, read from the trust's own
 *     events;</li>
 *     <li>{@code web}: its HTTP face under {@code /api/families/trusts}.</li>
 * </ul>
 */
package org.homelink.family.trust;
