package org.reprise.run;

/** A command-line request that does not fit the manifest (unknown variant, bad seed list, ...). */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }
}
