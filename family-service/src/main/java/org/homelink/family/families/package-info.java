/**
 * Families: what a school records about each one, and how staff find it again.
 * <ul>
 *     <li>{@code command}: the {@link org.homelink.family.families.command.Family} aggregate, its commands and the
 *     rules it keeps;</li>
 *     <li>{@code query}: the family directory and detail view in the service's own database, and each family's
 *     timeline;</li>
 *     <li>{@code web}: the HTTP face under {@code /api/families}.</li>
 * </ul>
 * Tenancy: a family belongs to one trust and to its schools (the school that registered it and its children's
 * schools). A member of staff sees and changes only families of their trust that share one of their schools; a trust
 * leader, every family of the trust. Anything else answers as though the family did not exist.
 */
package org.homelink.family.families;
