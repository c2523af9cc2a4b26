package org.commitmenttracker.events.value;

import java.time.LocalDate;

/** Where a commitment was made public. {@code url} and {@code publishedOn} may be null. */
public record Source(String title, String url, LocalDate publishedOn) {
}
