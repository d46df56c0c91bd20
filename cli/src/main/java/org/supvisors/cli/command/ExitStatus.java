package org.supvisors.cli.command;

/** Supervisor's LSB exit statuses, those of supervisorctl and of 0.19's supvisorsctl. */
public final class ExitStatus {

    public static final int SUCCESS = 0;
    public static final int GENERIC = 1;
    public static final int INVALID_ARGS = 2;
    public static final int UNIMPLEMENTED_FEATURE = 3;
    public static final int INSUFFICIENT_PRIVILEGES = 4;
    public static final int NOT_INSTALLED = 5;
    public static final int NOT_RUNNING = 7;

    /** {@code status}: some process is stopped (LSB status code). */
    public static final int STATUS_NOT_RUNNING = 3;
    /** {@code status}: unknown name, or supervisord unreachable (LSB status code). */
    public static final int STATUS_UNKNOWN = 4;

    private ExitStatus() {
    }
}
