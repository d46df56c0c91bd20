package org.supvisors.dist.agent;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

import org.supvisors.core.CoreSetup;
import org.supvisors.rules.InvalidRulesException;
import org.supvisors.rules.RuleSet;
import org.supvisors.rules.RulesLoader;
import org.supvisors.core.Supvisors;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.effect.PublishEvent;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.peer.PeerMessage;
import org.supvisors.core.supervisor.SupervisordEvent;
import org.supvisors.dist.log.LogControl;
import org.supvisors.transport.api.SupvisorsMethods;
import org.supvisors.transport.config.ConfigMessage;
import org.supvisors.transport.config.ConfigurationException;
import org.supvisors.transport.config.HttpServerSettings;
import org.supvisors.transport.config.SupervisordConfiguration;
import org.supvisors.transport.config.SupervisordConfigurationLoader;
import org.supvisors.transport.discovery.Discovery;
import org.supvisors.transport.events.EventBroadcaster;
import org.supvisors.transport.events.EventBroadcasters;
import org.supvisors.transport.events.EventSettings;
import org.supvisors.transport.peer.PeerGate;
import org.supvisors.transport.peer.PeerListener;
import org.supvisors.transport.peer.PeerSettings;
import org.supvisors.transport.peer.PeerTransport;
import org.supvisors.transport.supervisord.EventListenerChannel;
import org.supvisors.transport.supervisord.LocalProcessLoader;
import org.supvisors.transport.supervisord.SupervisordClient;
import org.supvisors.transport.supervisord.SupervisordEventSink;
import org.supvisors.transport.supervisord.XmlRpcHardening;
import org.supvisors.transport.xmlrpc.RpcMethod;
import org.supvisors.transport.xmlrpc.RpcRegistry;
import org.supvisors.transport.xmlrpc.XmlRpcServer;
import org.supvisors.transport.xmlrpc.XmlRpcServerConfig;

/**
 * {@code supvisorsd}, the Supvisors agent: the composition root. supervisord starts it as
 * {@code [eventlistener:supvisors]}; it reads the {@code [supvisors]} section of supervisord's configuration, builds
 * the core, serves XML-RPC on the agent port and feeds the core with supervisord's events until supervisord closes
 * its standard input.
 */
public final class Supvisorsd {

    /** Exit status of a configuration error (Supervisor's LSB code for invalid arguments). */
    static final int CONFIGURATION_ERROR = 2;

    private static final System.Logger LOG = System.getLogger(Supvisorsd.class.getName());
    /** How long SIGTERM waits for the agent to close (its links take 2 s at most; supervisord waits stopwaitsecs). */
    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    private Supvisorsd() {
    }

    public static void main(String[] args) {
        LogControl logControl = LogControl.install();
        XmlRpcHardening.install();
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("supvisorsd: " + e.getMessage());
            System.err.println(Arguments.USAGE);
            System.exit(CONFIGURATION_ERROR);
            return;
        }
        if (arguments.help) {
            System.err.println(Arguments.USAGE);
            return;
        }
        System.exit(run(arguments, logControl));
    }

    static int run(Arguments arguments, LogControl logControl) {
        SupervisordConfigurationLoader loader = SupervisordConfigurationLoader.forThisProcess();
        SupervisordConfiguration configuration;
        try {
            configuration = loader.load(arguments.configuration);
        } catch (ConfigurationException e) {
            LOG.log(Level.ERROR, "configuration error, supvisorsd stops: " + e.getMessage());
            return CONFIGURATION_ERROR;
        }
        SupvisorsOptions options = configuration.options();
        logControl.configure(options);
        for (ConfigMessage message : configuration.messages()) {
            LOG.log(message.level(), message.text());
        }
        RuleSet rules;
        try {
            rules = new RulesLoader().load(options);
        } catch (InvalidRulesException e) {
            LOG.log(Level.ERROR, "rules files invalid, supvisorsd stops: " + e.problems().size() + " problem(s)");
            e.problems().forEach(problem -> LOG.log(Level.ERROR, problem));
            return CONFIGURATION_ERROR;
        }
        rules.messages().forEach(message -> LOG.log(message.level(), message.text()));
        if (arguments.check) {
            System.err.println("supvisorsd: configuration " + configuration.file() + " is valid; local instance "
                    + configuration.localIdentity() + ", agent port " + configuration.agentPort()
                    + (options.rulesFiles().isEmpty() ? ", no rules file" : ", rules files valid"));
            return 0;
        }
        Optional<String> agentNamespec = LocalProcessLoader.agentNamespec(System.getenv());
        if (agentNamespec.isEmpty()) {
            LOG.log(Level.WARNING, "not started by supervisord (no SUPERVISOR_PROCESS_NAME): supvisorsd is meant to"
                    + " run as [eventlistener:supvisors]; without supervisord's events its model will not follow"
                    + " process changes");
        }
        return new Agent(configuration, loader, logControl, agentNamespec, rules).runUntilEndOfInput();
    }

    /** The running agent: everything it started, closed in reverse order. */
    private static final class Agent {
        private final SupervisordConfiguration configuration;
        private final SupervisordConfigurationLoader loader;
        private final LogControl logControl;
        private final Optional<String> agentNamespec;
        private final RuleSet rules;
        private final CountDownLatch ended = new CountDownLatch(1);
        private final CountDownLatch closed = new CountDownLatch(1);

        Agent(SupervisordConfiguration configuration, SupervisordConfigurationLoader loader, LogControl logControl,
              Optional<String> agentNamespec, RuleSet rules) {
            this.rules = rules;
            this.configuration = configuration;
            this.loader = loader;
            this.logControl = logControl;
            this.agentNamespec = agentNamespec;
        }

        int runUntilEndOfInput() {
            SupvisorsOptions options = configuration.options();
            HttpServerSettings supervisordHttp = configuration.http();
            SupervisordClient client = new SupervisordClient(supervisordHttp);
            LayoutHolder layout = new LayoutHolder(loader, configuration.layout());
            LocalProcessLoader processLoader = new LocalProcessLoader(client, layout, (group, process) ->
                    Optional.empty(), agentNamespec);
            AgentLoop loop = new AgentLoop();
            PeerTransport peers = new PeerTransport(PeerSettings.of(configuration.localIdentity(),
                    options.agentPortOffset(), supervisordHttp), new PeerEvents(loop), PeerGate.OPEN);
            Optional<DisabilitiesFile> disabilities = options.disabilitiesFile().map(f -> new DisabilitiesFile(
                    Path.of(f)));
            if (disabilities.isEmpty()) {
                LOG.log(Level.INFO, "no disabilities_file: disabled programs are not persisted");
            }
            ExtraArgsStore extraArgs = ExtraArgsStore.forSupervisord(supervisordHttp.port(), System.getenv());
            NumprocsRunner numprocs = new NumprocsRunner(loop, layout, loader.numprocsOverride(),
                    timeout -> new SupervisordClient(supervisordHttp, SupervisordClient.DEFAULT_CONNECT_TIMEOUT,
                            timeout), extraArgs);
            EffectRunner effects = new EffectRunner(loop, client, processLoader, layout::reload, peers,
                    disabilities, extraArgs, numprocs);
            List<InstanceIdentity> declared = declaredIdentities(configuration);
            CoreSetup setup = new CoreSetup(options, configuration.localIdentity(), declared, NetworkProbe.probe(),
                    agentNamespec, rules,
                    disabilities.map(DisabilitiesFile::read).orElse(java.util.Map.of()));
            Supvisors core = new Supvisors(setup, new SystemClock(), effects);
            loop.bind(core);
            AgentStatistics statistics = new AgentStatistics(loop, agentNamespec.isPresent());
            effects.collectWith(statistics);

            RpcRegistry registry = new RpcRegistry();
            for (RpcMethod method : SupvisorsMethods.all(loop, logControl::setLevel, effects::callSupervisord)) {
                registry.register(method);
            }
            HttpServerSettings listen = new HttpServerSettings(supervisordHttp.host(), configuration.agentPort(),
                    supervisordHttp.username(), supervisordHttp.password());
            XmlRpcServer server = new XmlRpcServer(XmlRpcServerConfig.of(listen, supervisordHttp), registry)
                    .protocol(peers.protocol());
            EventListenerChannel channel = null;
            EventBroadcaster events = EventBroadcaster.NONE;
            Optional<Discovery> discovery = Optional.empty();
            try {
                server.start();
                peers.start(server.eventLoops());
                // event_link: WS shares the HTTP event loops, ZMQ has its thread, NONE starts nothing
                events = EventBroadcasters.open(options.eventLink(), EventSettings.of(configuration.eventPort()),
                        server.eventLoops());
                effects.publishTo(publisherOf(events));
                LOG.log(Level.INFO, "supvisorsd " + configuration.localIdentity() + " serves XML-RPC on "
                        + describe(listen) + " (supervisord at " + client.url() + ", configuration "
                        + configuration.file() + ")");
                Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnSignal, "supvisorsd-stop"));
                loop.post(Supvisors::start);
                statistics.unavailable().ifPresent(reason -> loop.post(c -> c.onStatisticsUnavailable(reason)));
                discovery = AgentDiscovery.start(options, configuration.localIdentity(), loop);
                channel = EventListenerChannel.overStandardStreams(new Sink(loop, ended));
                channel.start();
                ended.await();
                LOG.log(Level.INFO, "supvisorsd " + configuration.localIdentity() + " stops");
                return 0;
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "supvisorsd cannot run: " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } finally {
                if (channel != null) {
                    channel.close();
                }
                effects.publishTo(publisherOf(EventBroadcaster.NONE));
                events.close();
                discovery.ifPresent(Discovery::close);
                statistics.close();
                peers.close();
                server.close();
                effects.close();
                loop.close();
                closed.countDown();
            }
        }

        /**
         * SIGTERM (supervisord stops or restarts its listeners): ends the agent like the end of its input does. The
         * JVM halts as soon as the shutdown hooks return, so this one waits for the orderly close: without it, the
         * peers saw a connection reset instead of the reason, and the last state published could be lost.
         */
        private void stopOnSignal() {
            ended.countDown();
            try {
                if (!closed.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.log(Level.WARNING, "supvisorsd not closed within " + CLOSE_TIMEOUT_SECONDS + " s: halted");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The core's {@link PublishEvent} effects, given to the publisher of the event interface. */
    private static Consumer<PublishEvent> publisherOf(EventBroadcaster events) {
        return event -> events.publish(event.topic(), event.body());
    }

    /** The identities of {@code supvisors_list}, or the local one alone when the list is empty. */
    static List<InstanceIdentity> declaredIdentities(SupervisordConfiguration configuration) {
        List<InstanceIdentity> declared = new ArrayList<>();
        configuration.options().supvisorsList().forEach(d ->
                declared.add(InstanceIdentity.of(d, configuration.http().port())));
        if (declared.isEmpty()) {
            declared.add(configuration.localIdentity());
        }
        return declared;
    }

    private static String describe(HttpServerSettings listen) {
        String host = listen.host().isEmpty() || listen.host().equals("*") ? "all interfaces" : listen.host();
        return "http://" + host + ":" + listen.port() + "/RPC2" + (listen.hasCredentials() ? " (credentials required)"
                : "");
    }

    /** Puts what the peer links report on the core's queue. */
    private static final class PeerEvents implements PeerListener {
        private final AgentLoop loop;

        PeerEvents(AgentLoop loop) {
            this.loop = loop;
        }

        @Override
        public void onConnected(String identifier) {
            loop.post(core -> core.onPeerConnected(identifier));
        }

        @Override
        public void onMessage(String identifier, PeerMessage message) {
            loop.post(core -> core.onPeerMessage(identifier, message));
        }

        @Override
        public void onLost(String identifier, String reason) {
            loop.post(core -> core.onPeerLost(identifier, reason));
        }
    }

    /** Puts supervisord's events on the core's queue. */
    private static final class Sink implements SupervisordEventSink {
        private final AgentLoop loop;
        private final CountDownLatch ended;

        Sink(AgentLoop loop, CountDownLatch ended) {
            this.loop = loop;
            this.ended = ended;
        }

        @Override
        public void onEvent(SupervisordEvent event) {
            loop.post(core -> core.onSupervisordEvent(event));
        }

        @Override
        public void onEventsLost(long firstLost, long lastLost) {
            loop.post(core -> core.onLocalEventsLost("pool serials " + firstLost + ".." + lastLost + " dropped by"
                    + " supervisord: raise buffer_size of [eventlistener:supvisors]"));
        }

        @Override
        public void onEndOfInput() {
            LOG.log(Level.INFO, "supervisord closed the event-listener input: it is stopping or restarting");
            ended.countDown();
        }
    }

    /** The command line of {@code supvisorsd}. */
    static final class Arguments {
        static final String USAGE = String.join("\n",
                "usage: supvisorsd [-c FILE] [--check] [-h]",
                "  -c, --configuration FILE  supervisord's configuration file (default: the one supervisord runs",
                "                            with, read from its command line, or supervisord's search path)",
                "  --check                   read and check the configuration, then exit (0 when valid)",
                "  -h, --help                print this help",
                "supvisorsd is started by supervisord as [eventlistener:supvisors]: see etc/supervisord.conf.example.");

        Optional<Path> configuration = Optional.empty();
        boolean check;
        boolean help;

        static Arguments parse(String[] args) {
            Arguments arguments = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-c") || arg.equals("--configuration")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " requires a file");
                    }
                    arguments.configuration = Optional.of(Path.of(args[++i]));
                } else if (arg.startsWith("--configuration=")) {
                    arguments.configuration = Optional.of(Path.of(arg.substring("--configuration=".length())));
                } else if (arg.equals("--check")) {
                    arguments.check = true;
                } else if (arg.equals("-h") || arg.equals("--help")) {
                    arguments.help = true;
                } else {
                    throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            return arguments;
        }
    }

}
