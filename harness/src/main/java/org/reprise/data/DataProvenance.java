package org.reprise.data;

import java.util.Map;
import java.util.TreeMap;

/**
 * What data a run saw: a human description (e.g. "generated; 127 symbols" or "prefix of 4,154,399
 * bytes of enwik8") and the SHA-256 of every file read.
 */
public record DataProvenance(String description, Map<String, String> sha256) {
    public DataProvenance {
        sha256 = java.util.Collections.unmodifiableMap(new TreeMap<>(sha256));
    }
}
