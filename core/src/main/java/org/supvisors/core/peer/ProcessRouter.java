package org.supvisors.core.peer;


import org.supvisors.core.InstanceLog;
import org.supvisors.core.commander.ProcessControl;
import org.supvisors.core.context.Context;
import org.supvisors.core.effect.EffectSink;
import org.supvisors.core.effect.StopLocalProcess;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.time.Clock;

/**
 * Carries the commands of the sequencers to the right instance: the local supervisord through an effect, another
 * instance through its peer link; forced states are applied here and sent to every instance.
 */
public final class ProcessRouter implements ProcessControl {

    private final Context context;
    private final PeerSender peers;
    private final LocalStarter localStarter;
    private final EffectSink effects;
    private final Clock clock;
    private final InstanceLog log;

    /** How messages reach the other instances (the peers, created after the router). */
    public interface PeerSender {
        void sendTo(String identifier, PeerMessage message);

        void broadcast(PeerMessage message);
    }

    /** How a process of the local supervisord is started (checks of the local instance included). */
    public interface LocalStarter {
        void start(String namespec, String extraArgs);
    }

    public ProcessRouter(Context context, PeerSender peers, LocalStarter localStarter, EffectSink effects,
                         InstanceLog log) {
        this.localStarter = localStarter;
        this.context = context;
        this.peers = peers;
        this.effects = effects;
        this.clock = context.clock();
        this.log = log.forClass(ProcessRouter.class);
    }

    @Override
    public void start(String target, ProcessStatus process, String extraArgs) {
        if (target.equals(context.instances().local().identifier())) {
            localStarter.start(process.namespec(), extraArgs);
        } else {
            peers.sendTo(target, new StartRequest(process.namespec(), extraArgs));
        }
    }

    @Override
    public void stop(String target, ProcessStatus process) {
        if (target.equals(context.instances().local().identifier())) {
            effects.emit(new StopLocalProcess(process.namespec()));
        } else {
            peers.sendTo(target, new StopRequest(process.namespec()));
        }
    }

    @Override
    public void force(ProcessStatus process, String identifier, ProcessState state, String reason) {
        ForcedState forced = new ForcedState(identifier, process.applicationName(), process.processName(),
                state.code(), reason, (long) clock.epochTime(), clock.monotonic(), process.extraArgs());
        context.applyForced(forced.identifier(), forced.group(), forced.name(), ProcessState.fromCode(forced.state()),
                forced.reason(), forced.now(), forced.nowMonotonic(), forced.extraArgs());
        peers.broadcast(forced);
    }

    /** The local supervisord refused a start: the process is forced FATAL everywhere when it cannot start. */
    public void onLocalStartRefused(String namespec, String faultName, String text) {
        context.instances().local().process(namespec).ifPresentOrElse(process -> {
            switch (faultName) {
                case "NO_FILE":
                case "NOT_EXECUTABLE":
                case "SPAWN_ERROR":
                case "DISABLED":
                    force(process, context.instances().local().identifier(), ProcessState.FATAL, text);
                    break;
                default:
                    log.info("start of " + namespec + " refused by supervisord: " + faultName + ": " + text);
                    break;
            }
        }, () -> log.warn("start of " + namespec + " refused: unknown locally (" + faultName + ")"));
    }

}
