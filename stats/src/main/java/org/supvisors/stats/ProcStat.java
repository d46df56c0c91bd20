package org.supvisors.stats;

/**
 * What a round needs of {@code /proc/<pid>/stat} (proc(5)): the parent, the CPU ticks of the process itself
 * ({@code utime + stime}, not its waited-for children's) and its resident set in pages.
 */
record ProcStat(int pid, int ppid, long ticks, long rssPages) {

    /** Field numbers of proc(5), counted from 1 ({@code pid}). */
    private static final int PPID = 4;
    private static final int UTIME = 14;
    private static final int STIME = 15;
    private static final int RSS = 24;

    /**
     * Parses the content read in {@code file}. The command name (field 2) is in parentheses and may hold spaces
     * and parentheses itself: fields are counted from the last {@code ')'}.
     *
     * @return null when the content is not a stat line
     */
    static ProcStat parse(int pid, ProcFile file) {
        int close = file.lastIndexOf((byte) ')');
        if (close < 0) {
            return null;
        }
        // after ") " comes field 3 (state)
        int field = 2;
        long value = 0;
        boolean inToken = false;
        boolean negative = false;
        long ppid = -1;
        long utime = -1;
        long stime = -1;
        for (int i = close + 1; i < file.length(); i++) {
            byte b = file.byteAt(i);
            if (b == ' ' || b == '\n') {
                if (inToken) {
                    long v = negative ? -value : value;
                    if (field == PPID) {
                        ppid = v;
                    } else if (field == UTIME) {
                        utime = v;
                    } else if (field == STIME) {
                        stime = v;
                    } else if (field == RSS) {
                        return ppid < 0 || utime < 0 || stime < 0 ? null
                                : new ProcStat(pid, (int) ppid, utime + stime, Math.max(0, v));
                    }
                }
                inToken = false;
                value = 0;
                negative = false;
                continue;
            }
            if (!inToken && (i == close + 1 || file.byteAt(i - 1) == ' ')) {
                field++;
                inToken = true;
            }
            if (b == '-') {
                negative = true;
            } else if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
            }
        }
        return null;
    }
}
