package org.supvisors.core.effect;

import java.util.Objects;
import java.util.Optional;

import org.supvisors.core.api.Reply;

/**
 * Start a process of the local supervisord ({@code supervisor.startProcess(namespec, False)}, after recording its
 * extra arguments for the launcher). A refusal comes back through {@code Supvisors.onLocalStartRefused}.
 *
 * @param namespec the process
 * @param extraArgs its extra arguments, empty for none
 * @param launcher the program uses the launcher: the extra arguments are recorded for it (or cleared when empty)
 * @param waitStarted whether supervisord waits for {@code startsecs} before answering
 * @param reply who gets supervisord's answer ({@code start_args}), if anybody
 */
public record StartLocalProcess(String namespec, String extraArgs, boolean launcher, boolean waitStarted,
                                Optional<Reply> reply) implements Effect {

    public StartLocalProcess {
        Objects.requireNonNull(namespec, "namespec");
        Objects.requireNonNull(extraArgs, "extraArgs");
        Objects.requireNonNull(reply, "reply");
    }

    /** A start without extra arguments, without waiting and without a reply (supervisord's autostart). */
    public StartLocalProcess(String namespec) {
        this(namespec, "", false, false, Optional.empty());
    }
}
