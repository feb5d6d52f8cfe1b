package org.reprise.manifest;

/** Which way a metric improves. */
public enum Direction implements Choice {
    LOWER,
    HIGHER
}
