package org.homelink.contracts.engagement;

/** How a carer acknowledged a home-school agreement. */
public enum AcknowledgementMethod {
    /** Themselves, through the personal link the school sent them. */
    PERSONAL_LINK,
    /** On a paper form, recorded by a member of staff. */
    PAPER,
    /** Told a member of staff in person (at the gate, a meeting, a visit), who recorded it. */
    IN_PERSON
}
