package org.homelink.engagement.voice.events;

/** Parent View's answer scale, in the order results show it. */
public enum ScaleAnswer {
    STRONGLY_AGREE,
    AGREE,
    DISAGREE,
    STRONGLY_DISAGREE,
    DONT_KNOW
}
