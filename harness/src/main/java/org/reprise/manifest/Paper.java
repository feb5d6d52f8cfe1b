package org.reprise.manifest;

/** The paper an experiment reproduces. */
public record Paper(String citation, String arxiv) {
}
