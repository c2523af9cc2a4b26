package org.commitmenttracker.query.processing;

/**
 * The outcome of retrying a processing group's dead letters: how many sequences (commitments)
 * were tried, how many went through, and how many letters are still parked.
 */
public record DeadLetterRetry(String name, long sequencesTried, long sequencesProcessed, long deadLetters) {
}
