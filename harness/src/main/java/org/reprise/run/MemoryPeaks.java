package org.reprise.run;

/**
 * Peak memory during one run, in bytes.
 *
 * @param jvmHeapBytes peak Java heap in use (sum of the heap pools' peaks)
 * @param offHeapBytes peak off-heap bytes held by ND4J (JavaCPP's count), sampled every step
 * @param rssBytes     peak resident set size of the process (VmHWM), or -1 where /proc is absent
 */
public record MemoryPeaks(long jvmHeapBytes, long offHeapBytes, long rssBytes) {
}
