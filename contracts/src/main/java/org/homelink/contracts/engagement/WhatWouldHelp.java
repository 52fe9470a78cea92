package org.homelink.contracts.engagement;

/** What a family says would help them come: the school's cue to remove a barrier rather than to invite again. */
public enum WhatWouldHelp {
    INTERPRETER,
    CHILDCARE,
    TRANSPORT,
    ANOTHER_TIME
}
