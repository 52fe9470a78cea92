package org.homelink.contracts.engagement;

/** What every event of an engagement activity carries, so that any reader can place it in its tenancy. */
public interface ActivityEvent {

    /** The activity's id, the id of its event stream. */
    String activityId();

    /** The trust of the school that hosts it. */
    String trustId();

    /** The DfE URN of the school that hosts it. An activity never moves to another school. */
    String schoolUrn();
}
