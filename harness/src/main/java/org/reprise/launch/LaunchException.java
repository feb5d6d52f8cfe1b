package org.reprise.launch;

/** Launcher settings that cannot be used as given; the message names the setting and the fix. */
public final class LaunchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LaunchException(String message) {
        super(message);
    }
}
