package org.commitmenttracker.events.value;

/** The ratings of the public promise trackers. */
public enum Rating {
    NOT_STARTED, IN_PROGRESS, STALLED, PARTIALLY_ACHIEVED, ACHIEVED, NOT_ACHIEVED
}
