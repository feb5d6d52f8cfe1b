package org.reprise.manifest;

/**
 * A number the paper (or a published reproduction) reports for the original setting.
 *
 * @param metric    metric name, as in {@code metrics}
 * @param value     the number as printed
 * @param sd        its standard deviation when the source gives one, else null
 * @param n         the number of runs behind it when the source gives it, else null
 * @param condition what the number is for when a table has several (e.g. "train full, eval LSH-4")
 * @param source    where it is printed, e.g. "Kitaev et al. 2020, Table 2"
 */
public record ReportedValue(String metric, double value, Double sd, Integer n, String condition, String source) {
}
