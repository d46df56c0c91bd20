package org.supvisors.dist.agent;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.supvisors.core.api.Fault;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.effect.ApplyNumprocs;
import org.supvisors.core.effect.CheckNumprocs;
import org.supvisors.core.effect.CollectStatistics;
import org.supvisors.core.effect.DisconnectPeer;
import org.supvisors.core.effect.Effect;
import org.supvisors.core.effect.EffectSink;
import org.supvisors.core.effect.EndSupervisord;
import org.supvisors.core.effect.LoadLocalGroup;
import org.supvisors.core.effect.LoadLocalProcesses;
import org.supvisors.core.effect.MonitorProcesses;
import org.supvisors.core.effect.PeerDirectory;
import org.supvisors.core.effect.PokeSupervisord;
import org.supvisors.core.effect.PublishEvent;
import org.supvisors.core.effect.RefreshLocalProcess;
import org.supvisors.core.effect.SendToPeers;
import org.supvisors.core.effect.StartLocalProcess;
import org.supvisors.core.effect.StopLocalProcess;
import org.supvisors.core.effect.WriteDisabilities;
import org.supvisors.core.process.Namespec;
import org.supvisors.core.supervisor.LocalProcess;
import org.supvisors.transport.peer.PeerTransport;
import org.supvisors.transport.supervisord.LocalProcessLoader;
import org.supvisors.transport.supervisord.SupervisordClient;
import org.supvisors.transport.supervisord.SupervisordException;
import org.supvisors.transport.supervisord.SupervisordFaultException;

/**
 * Carries out the core's effects on a small I/O pool (XML-RPC calls to the local supervisord, file reads) and
 * posts their results back on the core's thread. Never blocks the core.
 */
final class EffectRunner implements EffectSink, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EffectRunner.class.getName());
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 2000;

    private final AgentLoop loop;
    private final SupervisordClient client;
    private final LocalProcessLoader loader;
    private final Runnable layoutReload;
    private final PeerTransport peers;
    private final java.util.Optional<DisabilitiesFile> disabilitiesFile;
    private final ExtraArgsStore extraArgs;
    private final NumprocsRunner numprocs;
    private volatile java.util.function.Consumer<PublishEvent> events = event -> { };
    private volatile AgentStatistics statistics;
    private final ScheduledThreadPoolExecutor io;
    /** Blocking supervisord calls on behalf of API callers: threads only while such calls run. */
    private final java.util.concurrent.ThreadPoolExecutor callers;
    private static final long POKE_MILLIS = 20;
    private java.util.concurrent.ScheduledFuture<?> poker;

    /**
     * @param layoutReload re-reads the configuration files' program layout (a group was just added)
     */
    EffectRunner(AgentLoop loop, SupervisordClient client, LocalProcessLoader loader, Runnable layoutReload,
                 PeerTransport peers, java.util.Optional<DisabilitiesFile> disabilitiesFile,
                 ExtraArgsStore extraArgs, NumprocsRunner numprocs) {
        this.numprocs = numprocs;
        this.disabilitiesFile = disabilitiesFile;
        this.extraArgs = extraArgs;
        this.loop = loop;
        this.client = client;
        this.loader = loader;
        this.layoutReload = layoutReload;
        this.peers = peers;
        this.io = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "supvisors-io");
            thread.setDaemon(true);
            return thread;
        });
        this.io.setRemoveOnCancelPolicy(true);
        this.callers = new java.util.concurrent.ThreadPoolExecutor(0, 16, 30, TimeUnit.SECONDS,
                new java.util.concurrent.SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "supvisors-supervisord-call");
                    thread.setDaemon(true);
                    return thread;
                }, new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * A {@code supervisor.*} call on behalf of an API caller (it may wait, e.g. {@code startProcess} with wait), on
     * the pool of blocking calls; supervisord's faults become the caller's faults.
     */
    java.util.concurrent.CompletionStage<Object> callSupervisord(String method, java.util.List<Object> params) {
        java.util.concurrent.CompletableFuture<Object> result = new java.util.concurrent.CompletableFuture<>();
        callers.execute(() -> {
            try {
                result.complete(client.call(method, params.toArray()));
            } catch (SupervisordFaultException e) {
                result.completeExceptionally(new SupvisorsFault(e.fault().orElse(Fault.FAILED), e.detail()));
            } catch (SupervisordException e) {
                result.completeExceptionally(new SupvisorsFault(Fault.FAILED, "supervisord unreachable: "
                        + e.getMessage()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Where the messages of the event interface go (nothing until a publisher is plugged in). */
    void publishTo(java.util.function.Consumer<PublishEvent> publisher) {
        this.events = publisher;
    }

    /** Where the statistics effects go (nowhere until set). */
    void collectWith(AgentStatistics collector) {
        this.statistics = collector;
    }

    @Override
    public void emit(Effect effect) {
        if (effect instanceof LoadLocalProcesses) {
            io.execute(() -> loadAll((LoadLocalProcesses) effect, FIRST_RETRY_MILLIS));
        } else if (effect instanceof LoadLocalGroup) {
            io.execute(() -> loadGroup(((LoadLocalGroup) effect).group()));
        } else if (effect instanceof RefreshLocalProcess) {
            io.execute(() -> refresh(((RefreshLocalProcess) effect).namespec()));
        } else if (effect instanceof EndSupervisord) {
            io.execute(() -> endSupervisord(((EndSupervisord) effect).restart()));
        } else if (effect instanceof SendToPeers) {
            // never blocks: the transport queues or drops
            peers.send(((SendToPeers) effect).identifiers(), ((SendToPeers) effect).message());
        } else if (effect instanceof PeerDirectory) {
            peers.directory(((PeerDirectory) effect).peers());
        } else if (effect instanceof DisconnectPeer) {
            peers.disconnect(((DisconnectPeer) effect).identifier(), ((DisconnectPeer) effect).reason());
        } else if (effect instanceof StartLocalProcess) {
            io.execute(() -> startLocal((StartLocalProcess) effect));
        } else if (effect instanceof StopLocalProcess) {
            io.execute(() -> stopLocal(((StopLocalProcess) effect).namespec()));
        } else if (effect instanceof PokeSupervisord) {
            poke(((PokeSupervisord) effect).active());
        } else if (effect instanceof WriteDisabilities) {
            disabilitiesFile.ifPresent(file -> {
                java.util.Map<String, Boolean> content = ((WriteDisabilities) effect).disabilities();
                io.execute(() -> file.write(content));
            });
        } else if (effect instanceof PublishEvent) {
            events.accept((PublishEvent) effect);
        } else if (effect instanceof CollectStatistics) {
            AgentStatistics collector = statistics;
            if (collector != null) {
                collector.collect((CollectStatistics) effect);
            }
        } else if (effect instanceof MonitorProcesses) {
            AgentStatistics collector = statistics;
            if (collector != null) {
                collector.monitor((MonitorProcesses) effect);
            }
        } else if (effect instanceof CheckNumprocs) {
            numprocs.check((CheckNumprocs) effect);
        } else if (effect instanceof ApplyNumprocs) {
            numprocs.apply((ApplyNumprocs) effect);
        } else {
            throw new IllegalArgumentException("effect not handled: " + effect.getClass().getName());
        }
    }

    private void loadAll(LoadLocalProcesses request, long retryMillis) {
        try {
            List<LocalProcess> processes = loader.loadAll();
            loop.post(core -> core.onLocalProcesses(processes));
        } catch (SupervisordException e) {
            Level level = retryMillis == FIRST_RETRY_MILLIS ? Level.WARNING : Level.DEBUG;
            LOG.log(level, "cannot read the processes of supervisord (" + request.reason() + "), retrying in "
                    + retryMillis + " ms: " + e.getMessage());
            long next = Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
            io.schedule(() -> loadAll(request, next), retryMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "internal error while reading the processes of supervisord", e);
        }
    }

    private void loadGroup(String group) {
        try {
            layoutReload.run();
            List<LocalProcess> processes = loader.loadAll().stream()
                    .filter(p -> p.group().equals(group)).collect(Collectors.toList());
            loop.post(core -> core.onLocalGroup(group, processes));
        } catch (SupervisordException e) {
            LOG.log(Level.WARNING, "cannot read the group " + group + " of supervisord: " + e.getMessage()
                    + "; reading everything again");
            io.execute(() -> loadAll(new LoadLocalProcesses("group " + group + " unreadable"), FIRST_RETRY_MILLIS));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "internal error while reading the group " + group, e);
        }
    }

    private void refresh(String namespec) {
        Namespec parsed = Namespec.parse(namespec);
        try {
            Optional<LocalProcess> process = loader.load(parsed.group(),
                    parsed.isGroup() ? parsed.group() : parsed.process());
            process.ifPresent(p -> loop.post(core -> core.onLocalProcessRefreshed(p)));
        } catch (SupervisordException e) {
            LOG.log(Level.WARNING, "cannot read the process " + namespec + " of supervisord: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "internal error while reading the process " + namespec, e);
        }
    }

    /**
     * {@code supervisor.startProcess}; a refusal is told to the core (a process that cannot start is forced FATAL)
     * and to the caller of {@code start_args} if any.
     */
    private void startLocal(StartLocalProcess start) {
        if (start.launcher()) {
            try {
                extraArgs.record(start.namespec(), start.extraArgs());
            } catch (java.io.IOException | IllegalArgumentException e) {
                String reason = "extra arguments of " + start.namespec() + " not recorded in " + extraArgs.directory()
                        + ": " + e.getMessage();
                LOG.log(Level.ERROR, reason);
                loop.post(core -> core.onLocalStartRefused(start.namespec(), Fault.SPAWN_ERROR.name(), reason));
                start.reply().ifPresent(reply -> loop.post(core -> reply.fault(new SupvisorsFault(
                        Fault.INCORRECT_PARAMETERS, reason))));
                return;
            }
        }
        try {
            boolean result = client.startProcess(start.namespec(), start.waitStarted());
            start.reply().ifPresent(reply -> loop.post(core -> core.onLocalStartAnswered(start.namespec(), result,
                    start.waitStarted(), reply)));
        } catch (SupervisordFaultException e) {
            Fault fault = e.fault().orElse(Fault.FAILED);
            loop.post(core -> core.onLocalStartRefused(start.namespec(), fault.name(), e.detail()));
            start.reply().ifPresent(reply -> loop.post(core -> reply.fault(new SupvisorsFault(fault, e.detail()))));
        } catch (SupervisordException e) {
            LOG.log(Level.WARNING, "cannot start " + start.namespec() + ": " + e.getMessage());
            start.reply().ifPresent(reply -> loop.post(core -> reply.fault(new SupvisorsFault(Fault.FAILED,
                    "supervisord unreachable: " + e.getMessage()))));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "internal error while starting " + start.namespec(), e);
        }
    }

    private void stopLocal(String namespec) {
        try {
            client.stopProcess(namespec, false);
        } catch (SupervisordFaultException e) {
            LOG.log(Level.INFO, "stop of " + namespec + " refused by supervisord: " + e.getMessage());
        } catch (SupervisordException e) {
            LOG.log(Level.WARNING, "cannot stop " + namespec + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "internal error while stopping " + namespec, e);
        }
    }

    /** While active, a cheap XML-RPC every 20 ms keeps supervisord's loop turning (see PokeSupervisord). */
    private void poke(boolean active) {
        if (poker != null) {
            poker.cancel(false);
            poker = null;
        }
        if (active) {
            poker = io.scheduleWithFixedDelay(() -> {
                try {
                    client.getState();
                } catch (SupervisordException e) {
                    LOG.log(Level.DEBUG, "poke of supervisord failed: " + e.getMessage());
                }
            }, 0, POKE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void endSupervisord(boolean restart) {
        try {
            LOG.log(Level.WARNING, (restart ? "restarting" : "shutting down") + " supervisord");
            if (restart) {
                client.restart();
            } else {
                client.shutdown();
            }
        } catch (SupervisordException e) {
            LOG.log(Level.ERROR, "cannot " + (restart ? "restart" : "shut down") + " supervisord: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        numprocs.close();
        io.shutdownNow();
        callers.shutdownNow();
    }
}
