/**
 * How an event says which of its values are personal data, and whose: {@link
 * org.homelink.contracts.privacy.PersonalData} and {@link org.homelink.contracts.privacy.DataSubject}. The shared
 * event log stores those values encrypted under a key per family, and erasing a family deletes its key, so that its
 * personal data can no longer be read anywhere in the log, by any service, even on replay ("crypto-shredding").
 * <p>
 * What is personal here: names, dates of birth, contact details and addresses, contact preferences (language,
 * interpreter, accessibility), special educational needs, words written about a family or said by one, answers a
 * carer gave, barriers, support needs and attendance concerns, attendance marks, and what a referral tells a
 * partner. What is not: ids (pseudonymous, and needed to find a family's records), schools and trusts, staff ids,
 * dates of what staff did, codes of a process (consent purposes, delivery routes, escalation steps, outcomes).
 */
package org.homelink.contracts.privacy;
