package org.reprise.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory, read from Linux's /proc. It is the only reliable measure of
 * ND4J's CPU memory: ND4J's and JavaCPP's own counters do not see its buffers. Every reader
 * returns -1 where /proc is absent.
 */
public final class ProcessMemory {
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final long PAGE_BYTES = 4096;

    private ProcessMemory() {
    }

    /** Current resident set size in bytes (second field of statm, in pages). */
    public static long resident() {
        try {
            String[] fields = Files.readString(STATM).trim().split("\\s+");
            return Long.parseLong(fields[1]) * PAGE_BYTES;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Peak resident set size in bytes since start or the last reset (VmHWM). */
    public static long peakResident() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
