package org.reprise.run;

/**
 * Peak memory during one run, in bytes.
 *
 * @param jvmHeapBytes peak Java heap in use (sum of the heap pools' peaks)
 * @param offHeapBytes peak resident memory outside the Java heap (process RSS minus committed heap),
 *                     sampled every step: ND4J's native buffers plus the JVM's own native memory, so an upper
 *                     bound on ND4J's share. ND4J's and JavaCPP's own counters do not see ND4J's CPU buffers
 *                     (measured: 0 and 104 bytes with a 200 MB array allocated), so they cannot be used
 * @param rssBytes     peak resident set size of the process (VmHWM), or -1 where /proc is absent
 */
public record MemoryPeaks(long jvmHeapBytes, long offHeapBytes, long rssBytes) {
}
