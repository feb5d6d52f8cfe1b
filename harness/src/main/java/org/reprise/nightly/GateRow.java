package org.reprise.nightly;

/** One line of the nightly summary: a metric of a variant against its baseline. */
public record GateRow(String experiment, String variant, String metric, String baseline, String tonight,
                      GateVerdict verdict, String reason) {
}
