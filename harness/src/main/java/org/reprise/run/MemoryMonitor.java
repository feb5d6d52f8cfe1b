package org.reprise.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reprise.model.ProcessMemory;

/**
 * Tracks one run's peak memory. The process's peak RSS is reset at the start of each run (Linux
 * {@code /proc/self/clear_refs}), so the peaks of a sweep's later runs are their own. Off-heap
 * memory is freed only when the GC runs (dl4j-notes #9), so peaks vary from run to run.
 */
final class MemoryMonitor {
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private long offHeapPeak;

    void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        try {
            Files.writeString(CLEAR_REFS, "5"); // 5 = reset the peak RSS (proc(5))
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not permitted: the RSS peak then covers the whole process
        }
        offHeapPeak = outsideHeap();
    }

    void sample() {
        offHeapPeak = Math.max(offHeapPeak, outsideHeap());
    }

    /** Resident bytes not committed to the Java heap, or 0 where /proc is absent. */
    private static long outsideHeap() {
        long resident = ProcessMemory.resident();
        return resident < 0 ? 0 : Math.max(0, resident - ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted());
    }

    MemoryPeaks peaks() {
        sample();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return new MemoryPeaks(heap, offHeapPeak, ProcessMemory.peakResident());
    }

}
