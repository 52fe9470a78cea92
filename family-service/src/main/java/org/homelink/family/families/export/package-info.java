/**
 * Subject access: everything held about a family, from every service's events in the shared log and from the
 * family's current record, as JSON and as a document the family can read.
 */
package org.homelink.family.families.export;
