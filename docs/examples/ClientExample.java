import java.io.PrintStream;
import java.time.Duration;

import org.supvisors.client.CommunicationException;
import org.supvisors.client.SupvisorsApi;
import org.supvisors.client.SupvisorsClient;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.ApplicationInfo;
import org.supvisors.client.model.ProcessInfo;
import org.supvisors.client.model.StartingStrategy;

/**
 * The Java client library in a few lines: connect to an agent, list the processes, start an application and wait
 * until it runs.
 *
 * <pre>
 * java -cp supvisors-client-0.1.0-SNAPSHOT.jar docs/examples/ClientExample.java \
 *      http://localhost:60002 web [user password]
 * </pre>
 *
 * (Compiled by the client module's tests and run against a real agent by dist's {@code ClientExampleIT}.)
 */
public final class ClientExample {

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://localhost:60002";
        String application = args.length > 1 ? args[1] : "web";
        String user = args.length > 3 ? args[2] : null;
        String password = args.length > 3 ? args[3] : null;
        run(url, user, password, application, System.out);
    }

    static void run(String url, String user, String password, String application, PrintStream out) {
        SupvisorsClient.Builder builder = SupvisorsClient.builder(url)
                .connectTimeout(Duration.ofSeconds(5))   // to establish a connection
                .readTimeout(Duration.ofSeconds(10))     // for the calls that answer at once
                .waitTimeout(Duration.ofMinutes(5));     // for the calls that wait (none if not set)
        if (user != null) {
            builder.credentials(user, password);
        }
        // one client per agent, thread-safe, keeps its connection open between calls: close it when done
        try (SupvisorsClient client = builder.build()) {
            SupvisorsApi supvisors = client.supvisors();
            out.println("Supvisors " + supvisors.getApiVersion() + " in " + supvisors.getSupvisorsState().state());

            for (ProcessInfo process : supvisors.getAllProcessInfo()) {
                out.printf("%-24s %-10s %s%n", process.namespec(), process.state(), process.identifiers());
            }

            try {
                // returns once the application is RUNNING (or throws a fault saying why not)
                supvisors.startApplication(StartingStrategy.LESS_LOADED, application);
                ApplicationInfo info = supvisors.getApplicationInfo(application);
                out.println(application + " is " + info.state());
            } catch (XmlRpcFault fault) {
                // fault.faultName() is 0.19's: BAD_NAME, NOT_MANAGED, ALREADY_STARTED, NOT_RUNNING...
                out.println(application + " not started: " + fault.faultName() + " " + fault.text());
            }
        } catch (XmlRpcFault fault) {
            out.println("Supvisors refused: " + fault.faultString());
        } catch (CommunicationException e) {
            // unreachable agent, wrong credentials, timeout...: the message names the URL and the reason
            out.println(e.getMessage());
        }
    }
}
