package com.draftorders.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap in use right after each garbage collection of this JVM, from the JMX GC notifications (nothing is forced).
 * The lowest value over a window is a cheap estimate of the live heap: if it climbs minute after minute, something
 * is leaking.
 */
final class GcWatcher {

    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());

    private static final GcWatcher INSTANCE = new GcWatcher();

    /** {nanoTime, heap bytes after, pause millis} per collection. */
    private final List<long[]> collections = new ArrayList<>();

    private GcWatcher() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (notification, handback) -> {
                            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                    notification.getType())) {
                                var info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                        .filter(e -> HEAP_POOLS.contains(e.getKey()))
                                        .mapToLong(e -> e.getValue().getUsed())
                                        .sum();
                                record(after, info.getGcInfo().getDuration());
                            }
                        },
                        null,
                        null);
            }
        }
    }

    static GcWatcher get() {
        return INSTANCE;
    }

    private synchronized void record(long afterGc, long pauseMillis) {
        collections.add(new long[] {System.nanoTime(), afterGc, pauseMillis});
    }

    /**
     * Collections since {@code startNanos}.
     *
     * @param minAfterGc lowest heap after a collection, bytes (-1: no collection in the window)
     * @param lastAfterGc heap after the latest of them, bytes (-1: none)
     */
    record Window(long collections, long pauseMillis, long minAfterGc, long maxAfterGc, long lastAfterGc) {}

    synchronized Window since(long startNanos) {
        long count = 0;
        long pause = 0;
        long min = Long.MAX_VALUE;
        long max = -1;
        long last = -1;
        for (int i = collections.size() - 1; i >= 0; i--) {
            long[] c = collections.get(i);
            if (c[0] < startNanos) {
                break;
            }
            if (last < 0) {
                last = c[1];
            }
            count++;
            pause += c[2];
            min = Math.min(min, c[1]);
            max = Math.max(max, c[1]);
        }
        return new Window(count, pause, count == 0 ? -1 : min, max, last);
    }

    /** Forces a full collection and returns the heap in use after it: the live heap, in bytes. */
    static long liveHeapAfterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
