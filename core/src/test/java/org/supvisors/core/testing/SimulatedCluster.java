package org.supvisors.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.supvisors.core.CoreSetup;
import org.supvisors.core.Supvisors;
import org.supvisors.core.config.InstanceDeclaration;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.context.RulesProvider;
import org.supvisors.core.effect.DisconnectPeer;
import org.supvisors.core.effect.Effect;
import org.supvisors.core.effect.EndSupervisord;
import org.supvisors.core.effect.LoadLocalGroup;
import org.supvisors.core.effect.LoadLocalProcesses;
import org.supvisors.core.effect.PeerDirectory;
import org.supvisors.core.effect.RefreshLocalProcess;
import org.supvisors.core.effect.PublishEvent;
import org.supvisors.core.effect.SendToPeers;
import org.supvisors.core.effect.StartLocalProcess;
import org.supvisors.core.effect.StopLocalProcess;
import org.supvisors.core.fsm.SupvisorsState;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.instance.NetworkInfo;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.peer.MalformedMessageException;
import org.supvisors.core.peer.PeerCodec;
import org.supvisors.core.peer.PeerMessage;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.LocalProcess;
import org.supvisors.core.time.ManualClock;

/**
 * Many core instances in one JVM on one virtual clock, with a simulated network and a fake supervisord per
 * instance: deterministic for a given seed. Links follow the transport's rules (one per pair, dialled by the
 * smaller identifier, only between instances that list each other in their directory); the firewall drops
 * messages and refuses new links between the sides of a partition, without breaking existing links (as a cut
 * network does). Every message goes through {@link PeerCodec}, as on the wire.
 */
public final class SimulatedCluster {

    /** Link set-up delay, as a dial takes. */
    private static final double CONNECT_DELAY = 0.05;
    static boolean TRACE = Boolean.getBoolean("sim.trace");

    public final ManualClock clock = new ManualClock();
    private final long seed;
    private final RulesProvider rules;
    private final Random random;
    private final SupvisorsOptions options;
    private final List<InstanceIdentity> identities = new ArrayList<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Map<String, Long> links = new HashMap<>();
    private long linkGeneration;
    private final Map<String, Double> lastArrival = new HashMap<>();
    private final Map<String, List<PeerMessage>> held = new HashMap<>();
    private final Map<String, Integer> side = new HashMap<>();
    private final Map<String, Double> loadDelays = new HashMap<>();
    private long sequence;
    private long deliveries;

    /**
     * @param count the number of declared instances, named {@code n00}, {@code n01}... on hosts 10.0.0.x
     * @param options the options shared by every instance (the list is set here)
     * @param seed the seed of every random choice (latencies)
     */
    public SimulatedCluster(int count, SupvisorsOptions.Builder options, long seed) {
        this(count, options, seed, null);
    }

    /**
     * @param rules the rules of every instance, or {@code null} for none
     */
    public SimulatedCluster(int count, SupvisorsOptions.Builder options, long seed, RulesProvider rules) {
        this.rules = rules;
        this.seed = seed;
        this.random = new Random(seed);
        List<InstanceDeclaration> declarations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String nick = String.format("n%02d", i);
            String host = "10.0." + (i / 250) + "." + (i % 250 + 1);
            declarations.add(new InstanceDeclaration("<" + nick + ">" + host + ":60000", Optional.of(nick), host,
                    Optional.of(60000)));
        }
        this.options = options.supvisorsList(declarations).build();
        for (InstanceDeclaration declaration : declarations) {
            identities.add(InstanceIdentity.of(declaration, 60000));
        }
    }

    public long seed() {
        return seed;
    }

    public List<InstanceIdentity> identities() {
        return identities;
    }

    /** The identifier of the instance {@code n<i>}. */
    public String id(int index) {
        return identities.get(index).identifier();
    }

    public Collection<Node> nodes() {
        return nodes.values();
    }

    public Optional<Node> node(String identifier) {
        return Optional.ofNullable(nodes.get(identifier));
    }

    /**
     * How long the fake supervisord of the instance takes to give its processes ({@code LoadLocalProcesses}),
     * 0.01 s unless set: a slow supervisord lets the links and handshakes come first.
     */
    public void loadDelay(String identifier, double seconds) {
        loadDelays.put(identifier, seconds);
    }

    /** Starts the instance (its supervisord and agent). */
    public Node start(String identifier) {
        if (nodes.containsKey(identifier)) {
            throw new IllegalStateException(identifier + " already running");
        }
        InstanceIdentity identity = identities.stream().filter(i -> i.identifier().equals(identifier)).findFirst()
                .orElseThrow();
        Node node = new Node(identity);
        nodes.put(identifier, node);
        node.core.start();
        node.wakeUp = node.core.nextWakeUp();
        return node;
    }

    public void startAll() {
        for (InstanceIdentity identity : identities) {
            start(identity.identifier());
        }
    }

    /** Kills the instance: its links close, as its agent's sockets do when supervisord dies. */
    public void crash(String identifier) {
        Node node = nodes.remove(identifier);
        if (node == null) {
            throw new IllegalStateException(identifier + " not running");
        }
        for (String link : new ArrayList<>(links.keySet())) {
            String[] pair = link.split(" ");
            if (pair[0].equals(identifier) || pair[1].equals(identifier)) {
                String other = pair[0].equals(identifier) ? pair[1] : pair[0];
                closeLink(identifier, other, "connection reset");
            }
        }
        events.removeIf(e -> e.target.equals(identifier));
    }

    /** Cuts the network between groups of instances: instances in different groups no longer hear each other. */
    @SafeVarargs
    public final void partition(Set<String>... groups) {
        side.clear();
        for (int i = 0; i < groups.length; i++) {
            for (String identifier : groups[i]) {
                side.put(identifier, i);
            }
        }
        // instances that were apart and are now on the same side dial each other
        reconcileLinks();
    }

    /** Repairs the network. */
    public void heal() {
        side.clear();
        for (Map.Entry<String, List<PeerMessage>> entry : held.entrySet()) {
            String[] ends = entry.getKey().split(">");
            Node from = nodes.get(ends[0]);
            if (from != null && links.containsKey(key(ends[0], ends[1]))) {
                for (PeerMessage message : entry.getValue()) {
                    from.deliver(ends[1], message);
                }
            }
        }
        held.clear();
        reconcileLinks();
    }

    private boolean reachable(String a, String b) {
        return java.util.Objects.equals(side.get(a), side.get(b));
    }

    /** Runs the cluster for some virtual time. */
    public void runFor(double seconds) {
        double end = clock.monotonic() + seconds;
        while (true) {
            double next = nextTime();
            if (next > end) {
                clock.advance(end - clock.monotonic());
                return;
            }
            step(next);
        }
    }

    /** Runs until the condition holds; false if it does not within {@code maxSeconds} of virtual time. */
    public boolean runUntil(Predicate<SimulatedCluster> condition, double maxSeconds) {
        double end = clock.monotonic() + maxSeconds;
        while (!condition.test(this)) {
            double next = nextTime();
            if (next > end) {
                clock.advance(end - clock.monotonic());
                return condition.test(this);
            }
            step(next);
        }
        return true;
    }

    private double nextTime() {
        double next = events.isEmpty() ? Double.MAX_VALUE : events.peek().time;
        for (Node node : nodes.values()) {
            next = Math.min(next, node.wakeUp);
        }
        return next;
    }

    private void step(double time) {
        if (time > clock.monotonic()) {
            clock.advance(time - clock.monotonic());
        }
        while (!events.isEmpty() && events.peek().time <= clock.monotonic()) {
            Event event = events.poll();
            Node target = nodes.get(event.target);
            if (target != null) {
                event.action.accept(target);
                target.wakeUp = target.core.nextWakeUp();
            }
        }
        for (Node node : new ArrayList<>(nodes.values())) {
            if (nodes.containsKey(node.identity.identifier()) && node.wakeUp <= clock.monotonic()) {
                node.core.onTimer();
                node.wakeUp = node.core.nextWakeUp();
            }
        }
    }

    private void schedule(String target, double delay, Consumer<Node> action) {
        events.add(new Event(clock.monotonic() + delay, sequence++, target, action));
    }

    private double latency() {
        return 0.0001 + random.nextDouble() * 0.002;
    }

    // ---- links

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }

    private void reconcileLinks() {
        List<Node> alive = new ArrayList<>(nodes.values());
        for (Node a : alive) {
            for (String b : a.directory) {
                Node other = nodes.get(b);
                String k = key(a.identity.identifier(), b);
                if (other != null && a.identity.identifier().compareTo(b) < 0 && !links.containsKey(k)
                        && other.directory.contains(a.identity.identifier())
                        && reachable(a.identity.identifier(), b) && !a.dialing.contains(b)) {
                    a.dialing.add(b);
                    String from = a.identity.identifier();
                    schedule(from, CONNECT_DELAY, n -> {
                        n.dialing.remove(b);
                        Node peer = nodes.get(b);
                        if (peer != null && n.directory.contains(b) && peer.directory.contains(from)
                                && reachable(from, b) && !links.containsKey(k)) {
                            links.put(k, ++linkGeneration);
                            n.core.onPeerConnected(b);
                            peer.core.onPeerConnected(from);
                        }
                    });
                }
            }
        }
        // links to instances no longer in a directory are closed by that side's transport
        for (String link : new ArrayList<>(links.keySet())) {
            String[] pair = link.split(" ");
            Node a = nodes.get(pair[0]);
            Node b = nodes.get(pair[1]);
            if (a != null && b != null && (!a.directory.contains(pair[1]) || !b.directory.contains(pair[0]))) {
                closeLink(pair[0], pair[1], "no longer in the directory");
            }
        }
    }

    private void closeLink(String a, String b, String reason) {
        if (links.remove(key(a, b)) != null) {
            held.remove(a + ">" + b);
            held.remove(b + ">" + a);
            for (String[] ends : new String[][] {{a, b}, {b, a}}) {
                Node node = nodes.get(ends[0]);
                if (node != null) {
                    String lost = ends[1];
                    schedule(ends[0], latency(), n -> n.core.onPeerLost(lost, reason));
                }
            }
            schedule(a, CONNECT_DELAY, n -> reconcileLinks());
        }
    }

    // ---- observations

    /** The nodes that can reach each other, by component. */
    public List<Set<String>> components() {
        Map<Integer, Set<String>> groups = new LinkedHashMap<>();
        for (String identifier : nodes.keySet()) {
            groups.computeIfAbsent(side.getOrDefault(identifier, -1), k -> new HashSet<>()).add(identifier);
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * True when, in every connected group of running instances, all are in OPERATION with the same Master, taken
     * in the group, and each sees exactly the instances of its group RUNNING.
     */
    public boolean converged() {
        for (Set<String> group : components()) {
            Set<String> masters = new HashSet<>();
            for (String identifier : group) {
                Supvisors core = nodes.get(identifier).core;
                if (core.fsm().state() != SupvisorsState.OPERATION) {
                    return false;
                }
                masters.add(core.fsm().masterIdentifier());
                for (SupvisorsInstance instance : core.context().instances().all()) {
                    boolean running = instance.state() == InstanceState.RUNNING;
                    if (running != group.contains(instance.identifier())) {
                        return false;
                    }
                }
            }
            if (masters.size() != 1 || !group.contains(masters.iterator().next())) {
                return false;
            }
        }
        return true;
    }

    /** A readable state of every node, for failure messages (with the seed). */
    public String describe() {
        StringBuilder text = new StringBuilder("seed=" + seed + " t=" + clock.monotonic() + " deliveries="
                + deliveries + "\n");
        for (Node node : nodes.values()) {
            Map<String, InstanceState> view = node.core.context().instances().statesView();
            long running = view.values().stream().filter(s -> s == InstanceState.RUNNING).count();
            text.append("  ").append(node.identity.nickIdentifier()).append(' ').append(node.core.fsm().state())
                    .append(" master=").append(node.core.fsm().masterIdentifier()).append(" running=")
                    .append(running).append(' ').append(compact(view));
            for (SupvisorsInstance other : node.core.context().instances().all()) {
                if (!other.isLocal()) {
                    text.append(" | ").append(other.nickIdentifier()).append(':').append(other.stateModes().state())
                            .append('/').append(compact(other.stateModes().instanceStates()));
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String compact(Map<String, InstanceState> view) {
        StringBuilder text = new StringBuilder();
        view.values().forEach(s -> text.append(s.name().charAt(0) == 'C' && s == InstanceState.CHECKED ? 'K'
                : s.name().charAt(0)));
        return text.toString();
    }

    public long deliveries() {
        return deliveries;
    }

    /** One instance: its core, its fake supervisord, its transport's directory. */
    public final class Node {
        public final InstanceIdentity identity;
        public final Supvisors core;
        public final List<LocalProcess> processes = new ArrayList<>();
        private final Set<String> directory = new HashSet<>();
        private final Set<String> dialing = new HashSet<>();
        public final List<Effect> otherEffects = new ArrayList<>();
        /** Namespecs whose start and stop requests this fake supervisord accepts but never carries out. */
        public final Set<String> stalled = new HashSet<>();
        private double wakeUp;

        Node(InstanceIdentity identity) {
            this.identity = identity;
            String mac = String.format("02:00:00:00:%02x:%02x", identities.indexOf(identity) / 256,
                    identities.indexOf(identity) % 256);
            NetworkInfo network = new NetworkInfo(mac, identity.hostId(), Map.of());
            long now = (long) clock.epochTime();
            processes.add(new LocalProcess("common", "worker", ProcessState.STOPPED, 0, 0, now, 0, "Not started",
                    "", 0, true, 1, 10, "worker", 0, true, true, "unexpected", true, false));
            processes.add(new LocalProcess("own_" + identity.nickIdentifier(), "own_" + identity.nickIdentifier(),
                    ProcessState.RUNNING, now - 100, 0, now, 1000, "pid 1000", "", 0, true, 1, 10, "own", 0, true,
                    true, "unexpected", true, false));
            CoreSetup setup = new CoreSetup(options, identity, identities, network,
                    Optional.of("supvisors:supvisors"), rules != null ? rules
                    : RulesProvider.none(options.startingStrategy()), Map.of());
            this.core = new Supvisors(setup, clock, this::onEffect);
        }

        /** Makes a process of this instance's fake supervisord go through a state, as a user or a crash would. */
        public void supervisordState(String namespec, ProcessState state) {
            int index = indexOf(namespec);
            if (index >= 0) {
                transition(index, state, 0.001);
            }
        }

        /** Starts a process behind Supvisors' back, as supervisorctl would. */
        public void supervisordStartDirectly(String namespec) {
            supervisordStart(namespec);
        }

        /** The fake supervisord: STARTING at once, RUNNING after startsecs (1 s). */
        private void supervisordStart(String namespec) {
            int index = indexOf(namespec);
            if (index < 0) {
                return;
            }
            LocalProcess process = processes.get(index);
            if (!process.state().isStopped() || stalled.contains(namespec)) {
                return;
            }
            transition(index, ProcessState.STARTING, 0.001);
            transition(index, ProcessState.RUNNING, 1.0);
        }

        /** The fake supervisord: STOPPING at once, STOPPED 0.1 s later. */
        private void supervisordStop(String namespec) {
            int index = indexOf(namespec);
            if (index < 0 || !processes.get(index).state().isRunning() || stalled.contains(namespec)) {
                return;
            }
            transition(index, ProcessState.STOPPING, 0.001);
            transition(index, ProcessState.STOPPED, 0.1);
        }

        private int indexOf(String namespec) {
            for (int i = 0; i < processes.size(); i++) {
                if (processes.get(i).namespec().equals(namespec)) {
                    return i;
                }
            }
            return -1;
        }

        private void transition(int index, ProcessState state, double delay) {
            schedule(identity.identifier(), delay, n -> {
                LocalProcess p = processes.get(index);
                long now = (long) clock.epochTime();
                ProcessState from = p.state();
                processes.set(index, new LocalProcess(p.group(), p.name(), state,
                        state == ProcessState.STARTING ? now : p.start(), state.isStopped() ? now : p.stop(), now,
                        state.isRunning() ? 4000 + index : 0, p.description(), "", 0, true, p.startsecs(),
                        p.stopwaitsecs(), p.programName(), p.processIndex(), true, true, "unexpected", true, false));
                n.core.onSupervisordEvent(new org.supvisors.core.supervisor.ProcessStateEvent(p.group(), p.name(),
                        state, from, state.isRunning() ? 4000 + index : 0, true, 0));
            });
        }

        /** Sends a message over the link with {@code target}, in order, as TCP does. */
        void deliver(String target, PeerMessage message) {
            String self = identity.identifier();
            Long generation = links.get(key(self, target));
            if (generation == null) {
                return;
            }
            String direction = self + ">" + target;
            double arrival = Math.max(clock.monotonic() + latency(), lastArrival.getOrDefault(direction, 0.0) + 1e-9);
            lastArrival.put(direction, arrival);
            schedule(target, arrival - clock.monotonic(), n -> {
                if (!generation.equals(links.get(key(self, target)))) {
                    return; // the link closed meanwhile: TCP delivers nothing after its end
                }
                deliveries++;
                n.core.onPeerMessage(self, message);
            });
        }

        private void onEffect(Effect effect) {
            String self = identity.identifier();
            if (effect instanceof SendToPeers) {
                SendToPeers send = (SendToPeers) effect;
                PeerMessage.Kind kind = send.message().kind();
                PeerMessage decoded;
                try {
                    // through the codec once per send, as the transport encodes once for every link
                    decoded = PeerCodec.decode(kind, PeerCodec.encode(send.message()), identity);
                } catch (MalformedMessageException e) {
                    throw new AssertionError("codec round trip failed: " + e.getMessage(), e);
                }
                for (String target : send.identifiers()) {
                    Long generation = links.get(key(self, target));
                    if (TRACE && kind == PeerMessage.Kind.STATE_MODES) {
                        System.err.println("t=" + clock.monotonic() + " " + identity.nickIdentifier() + "->" + target + " "
                                + compact(((org.supvisors.core.peer.StateModesUpdate) send.message()).stateModes().instanceStates())
                                + " " + ((org.supvisors.core.peer.StateModesUpdate) send.message()).stateModes().state()
                                + (generation == null ? " NO LINK" : ""));
                    }
                    if (generation != null && !reachable(self, target)) {
                        // a live link across a cut network: TCP holds the data until the network comes back
                        held.computeIfAbsent(self + ">" + target, k -> new ArrayList<>()).add(decoded);
                    } else if (generation != null) {
                        deliver(target, decoded);
                    }
                }
            } else if (effect instanceof PeerDirectory) {
                directory.clear();
                ((PeerDirectory) effect).peers().forEach(p -> directory.add(p.identifier()));
                schedule(self, 0, n -> reconcileLinks());
            } else if (effect instanceof DisconnectPeer) {
                String other = ((DisconnectPeer) effect).identifier();
                schedule(self, 0, n -> closeLink(self, other, ((DisconnectPeer) effect).reason()));
            } else if (effect instanceof LoadLocalProcesses) {
                List<LocalProcess> snapshot = List.copyOf(processes);
                schedule(self, loadDelays.getOrDefault(self, 0.01), n -> n.core.onLocalProcesses(snapshot));
            } else if (effect instanceof StartLocalProcess) {
                supervisordStart(((StartLocalProcess) effect).namespec());
            } else if (effect instanceof StopLocalProcess) {
                supervisordStop(((StopLocalProcess) effect).namespec());
            } else if (effect instanceof LoadLocalGroup || effect instanceof RefreshLocalProcess
                    || effect instanceof EndSupervisord || effect instanceof PublishEvent
                    || effect instanceof org.supvisors.core.effect.PokeSupervisord
                    || effect instanceof org.supvisors.core.effect.WriteDisabilities
                    || effect instanceof org.supvisors.core.effect.CollectStatistics
                    || effect instanceof org.supvisors.core.effect.MonitorProcesses
                    || effect instanceof org.supvisors.core.effect.CheckNumprocs
                    || effect instanceof org.supvisors.core.effect.ApplyNumprocs) {
                otherEffects.add(effect);
            } else {
                throw new IllegalArgumentException("effect not simulated: " + effect);
            }
        }
    }

    private static final class Event implements Comparable<Event> {
        final double time;
        final long order;
        final String target;
        final Consumer<Node> action;

        Event(double time, long order, String target, Consumer<Node> action) {
            this.time = time;
            this.order = order;
            this.target = target;
            this.action = action;
        }

        @Override
        public int compareTo(Event other) {
            int byTime = Double.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

}
