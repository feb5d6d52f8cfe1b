package org.reprise.manifest;

/** Which held-out split evaluation reads. */
public enum Split implements Choice {
    VALIDATION,
    TEST
}
