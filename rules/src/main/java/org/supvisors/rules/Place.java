package org.supvisors.rules;

/**
 * Where something is in a rules file: the line and column reported by the XML parser for an element, i.e. the end of
 * its start tag (both 1-based).
 */
record Place(String file, int line, int column) {

    /** A place for a problem of the whole file (I/O): no line, no column. */
    static Place of(String file) {
        return new Place(file, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
