package org.commitmenttracker.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The stop-the-world collections of this JVM while a measurement runs, as the JVM reports them:
 * everything (both systems, the load, the baselines) shares one heap, so a pause stops the read
 * models and the commands alike, and shows in every latency's tail.
 */
final class GcPauses implements AutoCloseable {

    /** What was collected: how many pauses, the longest and their sum, in ms. */
    record Summary(int count, long longestMillis, long totalMillis) {

        @Override
        public String toString() {
            return "%d GC pauses, longest %d ms, %d ms in all".formatted(count, longestMillis, totalMillis);
        }
    }

    private final List<Long> pauses = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            // G1 reports its concurrent cycle's phases under their own name; only the collections pause
            if (!info.getGcAction().contains("concurrent") && !info.getGcName().contains("Concurrent")) {
                synchronized (pauses) {
                    pauses.add(info.getGcInfo().getDuration());
                }
            }
        }
    };

    /** Starts recording the pauses from now on. */
    GcPauses() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    Summary summary() {
        synchronized (pauses) {
            return new Summary(pauses.size(), pauses.stream().mapToLong(Long::longValue).max().orElse(0),
                    pauses.stream().mapToLong(Long::longValue).sum());
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // never added
            }
        }
    }
}
