package org.homelink.contracts.engagement;

/** Epstein's six types of parental involvement, by which activities and contacts are tagged and reach is split. */
public enum InvolvementType {
    PARENTING,
    COMMUNICATING,
    VOLUNTEERING,
    LEARNING_AT_HOME,
    DECISION_MAKING,
    COLLABORATING_WITH_COMMUNITY
}
