package org.commitmenttracker.events.value;

import org.commitmenttracker.events.Nullable;

import java.time.LocalDate;

/** Where a commitment was made public. {@code url} and {@code publishedOn} may be null. */
public record Source(String title, @Nullable String url, @Nullable LocalDate publishedOn) {
}
