/**
 * Erasing a family: the key that encrypts its personal data is deleted once its {@code FamilyErased} is stored.
 * The command is the {@code Family} aggregate's; each read model forgets the family on the event.
 */
package org.homelink.family.families.erasure;
