package org.reprise.data;

/**
 * A dataset file is missing, truncated, corrupt or unsafe. The message is meant for the user: it
 * names the file and says what to do.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
