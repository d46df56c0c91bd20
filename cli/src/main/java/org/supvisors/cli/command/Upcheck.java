package org.supvisors.cli.command;

import org.supvisors.client.CommunicationException;
import org.supvisors.client.FaultCode;
import org.supvisors.client.XmlRpcFault;

/** The version checks that every command makes first, with the messages and statuses of the originals. */
public final class Upcheck {

    /** The API version of Supvisors this client talks to. */
    public static final String SUPVISORS_API_VERSION = "0.19";
    /** The API version of supervisord's {@code supervisor} namespace. */
    public static final String SUPERVISOR_API_VERSION = "3.0";

    private Upcheck() {
    }

    /**
     * 0.19's {@code _upcheck}: {@code supvisors.get_api_version()} must be 0.19.
     *
     * @throws Abort with the original's message and status when it is not, or when the agent refuses the connection
     */
    public static void supvisors(Session session) throws XmlRpcFault, CommunicationException {
        String api;
        try {
            api = session.client().supvisors().getApiVersion();
        } catch (XmlRpcFault fault) {
            if (fault.is(FaultCode.UNKNOWN_METHOD)) {
                throw new Abort("ERROR: supervisord responded but did not recognize the supvisors namespace commands"
                        + " that supervisorstl uses to control it. Please check that the [rpcinterface:supvisors]"
                        + " section is enabled in the configuration file.", ExitStatus.UNIMPLEMENTED_FEATURE);
            }
            throw fault;
        } catch (CommunicationException e) {
            if (e.reason() == CommunicationException.Reason.CONNECTION_REFUSED) {
                throw new Abort("ERROR: " + session.connection().serverUrl() + " refused connection",
                        ExitStatus.INSUFFICIENT_PRIVILEGES);
            }
            throw e;
        }
        if (!SUPVISORS_API_VERSION.equals(api)) {
            throw new Abort("ERROR: this version of supvisorsctl expects to talk to a server with API version "
                    + SUPVISORS_API_VERSION + ", but the remote version is " + api + ".", ExitStatus.NOT_INSTALLED);
        }
    }

    /**
     * supervisorctl's {@code upcheck}: {@code supervisor.getVersion()} must be 3.0.
     *
     * @throws Abort with supervisorctl's message and status when it is not, or when the connection is refused
     */
    public static void supervisor(Session session) throws XmlRpcFault, CommunicationException {
        Object api;
        try {
            api = session.client().call("supervisor.getVersion");
        } catch (XmlRpcFault fault) {
            if (fault.is(FaultCode.UNKNOWN_METHOD)) {
                throw new Abort("Sorry, supervisord responded but did not recognize the supervisor namespace commands"
                        + " that supervisorctl uses to control it.  Please check that the [rpcinterface:supervisor]"
                        + " section is enabled in the configuration file (see sample.conf).",
                        ExitStatus.UNIMPLEMENTED_FEATURE);
            }
            throw fault;
        } catch (CommunicationException e) {
            if (e.reason() == CommunicationException.Reason.CONNECTION_REFUSED) {
                throw new Abort(session.connection().serverUrl() + " refused connection",
                        ExitStatus.INSUFFICIENT_PRIVILEGES);
            }
            throw e;
        }
        if (!SUPERVISOR_API_VERSION.equals(api)) {
            throw new Abort("Sorry, this version of supervisorctl expects to talk to a server with API version "
                    + SUPERVISOR_API_VERSION + ", but the remote version is " + api + ".", ExitStatus.NOT_INSTALLED);
        }
    }
}
