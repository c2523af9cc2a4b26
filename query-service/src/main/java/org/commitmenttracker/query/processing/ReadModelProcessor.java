package org.commitmenttracker.query.processing;

/**
 * A read model's processor, as the feature that owns the read model declares it (a bean): only
 * where it differs from what every processor of the read side shares, which
 * {@link ProcessingConfiguration} sets in one place.
 *
 * @param name          the processor's name, which is its processing group's
 * @param segments      how many segments split its work between threads and instances
 * @param threads       how many threads of one instance work its segments
 * @param parksFailures whether an event it cannot apply is parked in the dead-letter queue (per
 *                      commitment, so that commitment's later events wait behind it) rather than
 *                      failing its batch until it can be applied
 * @param asynchronousCommit whether its transactions commit without waiting for the disk
 *                      ({@link AsynchronousCommit}): only for a read model the event store
 *                      alone rebuilds
 */
public record ReadModelProcessor(String name, int segments, int threads, boolean parksFailures,
                                 boolean asynchronousCommit) {

    /** A processor with the shared settings: four segments, two threads, failures parked, commits durable. */
    public static ReadModelProcessor named(String name) {
        return new ReadModelProcessor(name, 4, 2, true, false);
    }

    /** One segment worked by one thread: the processor sees every event in tracking order. */
    public ReadModelProcessor inTrackingOrder() {
        return new ReadModelProcessor(name, 1, 1, parksFailures, asynchronousCommit);
    }

    /** An event it cannot apply stops it until it can: nothing may be passed over. */
    public ReadModelProcessor withoutParking() {
        return new ReadModelProcessor(name, segments, threads, false, asynchronousCommit);
    }

    /**
     * Its commits do not wait for the disk: a commit lost in a database crash is made again from
     * the events. Never for what the event store cannot give back, such as the feed's positions
     * and signed log, which integrators and auditors have already been shown.
     */
    public ReadModelProcessor committingAsynchronously() {
        return new ReadModelProcessor(name, segments, threads, parksFailures, true);
    }
}
