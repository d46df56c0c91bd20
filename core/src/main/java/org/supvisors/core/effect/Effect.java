package org.supvisors.core.effect;

/**
 * Something the core asks the world to do. The core never waits for an effect: when an effect has a result, it
 * comes back later as a new input (e.g. {@link LoadLocalProcesses} comes back through
 * {@code Supvisors.onLocalProcesses}).
 */
public sealed interface Effect
        permits LoadLocalProcesses, LoadLocalGroup, RefreshLocalProcess, EndSupervisord, SendToPeers, PeerDirectory,
        DisconnectPeer, PublishEvent, StartLocalProcess, StopLocalProcess,
        PokeSupervisord, WriteDisabilities, CheckNumprocs, ApplyNumprocs, CollectStatistics, MonitorProcesses {
}
