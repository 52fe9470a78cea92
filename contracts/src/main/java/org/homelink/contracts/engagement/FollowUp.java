package org.homelink.contracts.engagement;

import org.homelink.contracts.privacy.PersonalData;

import java.time.LocalDate;

/**
 * Something a member of staff is to do after a contact.
 *
 * @param action  what is to be done
 * @param dueOn   the school day it is due
 * @param ownerId the staff id of who is to do it
 */
public record FollowUp(@PersonalData String action, LocalDate dueOn, String ownerId) {
}
