package org.supvisors.transport.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python's {@code glob.glob} on POSIX, which supervisord's {@code [include]} and Supvisors' file options use:
 * {@code *}, {@code ?} and {@code [...]} (with {@code [!...]}) within one path component, case-sensitive, no
 * recursion; a wildcard does not match a name starting with a dot unless the pattern component starts with one;
 * components without wildcards must exist. Results are in no particular order; callers sort them.
 */
final class FileGlobs {

    private FileGlobs() {
    }

    /**
     * The paths matching {@code pattern}.
     *
     * @param pattern an absolute pattern
     */
    static List<Path> glob(Path pattern) {
        List<Path> current = new ArrayList<>();
        Path root = pattern.getRoot();
        current.add(root != null ? root : pattern.getFileSystem().getPath(""));
        int count = pattern.getNameCount();
        for (int index = 0; index < count; index++) {
            String component = pattern.getName(index).toString();
            boolean last = index == count - 1;
            List<Path> next = new ArrayList<>();
            for (Path directory : current) {
                if (hasMagic(component)) {
                    next.addAll(matches(directory, component, !last));
                } else {
                    Path candidate = directory.resolve(component);
                    if (last ? Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) : Files.isDirectory(candidate)) {
                        next.add(candidate);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    static boolean hasMagic(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    private static List<Path> matches(Path directory, String component, boolean directoriesOnly) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        Pattern regex = translate(component);
        boolean hiddenAllowed = component.startsWith(".");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((hiddenAllowed || !name.startsWith(".")) && regex.matcher(name).matches()
                        && (!directoriesOnly || Files.isDirectory(entry))) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            // as Python's glob: an unreadable directory matches nothing
            return found;
        }
        return found;
    }

    /** Python's {@code fnmatch.translate}, for one component. */
    static Pattern translate(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    regex.append("\\[");
                } else {
                    String content = pattern.substring(i, j);
                    i = j + 1;
                    boolean negate = content.startsWith("!");
                    if (negate) {
                        content = content.substring(1);
                    }
                    StringBuilder set = new StringBuilder();
                    for (char s : content.toCharArray()) {
                        if ("[]\\^&".indexOf(s) >= 0) {
                            set.append('\\');
                        }
                        set.append(s);
                    }
                    regex.append('[').append(negate ? "^" : "").append(set).append(']');
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
