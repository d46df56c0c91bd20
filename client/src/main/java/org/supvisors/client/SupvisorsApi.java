package org.supvisors.client;

import java.util.List;
import java.util.Optional;

import org.supvisors.client.model.ApplicationInfo;
import org.supvisors.client.model.ApplicationRules;
import org.supvisors.client.model.ConciliationStrategy;
import org.supvisors.client.model.InnerProcessInfo;
import org.supvisors.client.model.InstanceIdentity;
import org.supvisors.client.model.InstanceInfo;
import org.supvisors.client.model.InstanceStateModes;
import org.supvisors.client.model.LocalProcessInfo;
import org.supvisors.client.model.LogLevel;
import org.supvisors.client.model.NetworkInfo;
import org.supvisors.client.model.ProcessInfo;
import org.supvisors.client.model.ProcessRules;
import org.supvisors.client.model.StartPrediction;
import org.supvisors.client.model.StartingStrategy;
import org.supvisors.client.model.StatisticsStatus;
import org.supvisors.client.model.Strategies;
import org.supvisors.client.model.SupvisorsStateModes;

/**
 * The {@code supvisors.*} namespace: the 43 methods of 0.19, one Java method each (camelCase of the XML-RPC name),
 * with typed parameters and results. Get it from {@link SupvisorsClient#supvisors()}.
 *
 * <p>Every method throws {@link XmlRpcFault} when the agent answers with a fault (codes and texts in the spec's
 * xmlrpc-api.md: e.g. {@code BAD_SUPVISORS_STATE} outside the states a method is allowed in, {@code BAD_NAME} for an
 * unknown name) and {@link CommunicationException} when no valid answer comes back. Identifier parameters accept an
 * identifier, a nickname or a stereotype; namespecs accept {@code group:process}, {@code process} and, where said,
 * {@code group:*}.
 *
 * <p><b>Waiting.</b> The methods with a {@code wait} parameter return, when it is {@code true}, only once the work is
 * done, which may take as long as the processes need; such calls are bounded by the client's wait timeout (none by
 * default), not by its read timeout. The overloads without {@code wait} wait.
 *
 * <p>Implementations are thread-safe.
 */
public interface SupvisorsApi {

    // ---- status

    /** {@code get_api_version}: the version of the API ({@code "0.19"}). */
    String getApiVersion() throws XmlRpcFault, CommunicationException;

    /**
     * {@code get_supvisors_state}: the state and modes of the instance called, with the identifiers of all the
     * instances having starting or stopping jobs.
     */
    SupvisorsStateModes getSupvisorsState() throws XmlRpcFault, CommunicationException;

    /** {@code get_all_instances_state_modes}: what every instance published, sorted by identifier. */
    List<InstanceStateModes> getAllInstancesStateModes() throws XmlRpcFault, CommunicationException;

    /** {@code get_instance_state_modes}: what the instances designated by {@code identifier} published. */
    List<InstanceStateModes> getInstanceStateModes(String identifier) throws XmlRpcFault, CommunicationException;

    /** {@code get_master_identifier}: the Master, empty when none is known. */
    Optional<InstanceIdentity> getMasterIdentifier() throws XmlRpcFault, CommunicationException;

    /** {@code get_strategies}: the default strategies. */
    Strategies getStrategies() throws XmlRpcFault, CommunicationException;

    /** {@code get_statistics_status}: what the statistics collector does. */
    StatisticsStatus getStatisticsStatus() throws XmlRpcFault, CommunicationException;

    /** {@code get_network_info}: the network identification of the one instance designated by {@code identifier}. */
    NetworkInfo getNetworkInfo(String identifier) throws XmlRpcFault, CommunicationException;

    /** {@code get_all_instances_info}: every instance, sorted by identifier. */
    List<InstanceInfo> getAllInstancesInfo() throws XmlRpcFault, CommunicationException;

    /** {@code get_instance_info}: the instances designated by {@code identifier}. */
    List<InstanceInfo> getInstanceInfo(String identifier) throws XmlRpcFault, CommunicationException;

    /** {@code get_all_applications_info}: every application, managed or not, in order of discovery. */
    List<ApplicationInfo> getAllApplicationsInfo() throws XmlRpcFault, CommunicationException;

    /** {@code get_application_info}: one application. */
    ApplicationInfo getApplicationInfo(String applicationName) throws XmlRpcFault, CommunicationException;

    /** {@code get_application_rules}: the rules of one application. */
    ApplicationRules getApplicationRules(String applicationName) throws XmlRpcFault, CommunicationException;

    /** {@code get_all_process_info}: every process of every application. */
    List<ProcessInfo> getAllProcessInfo() throws XmlRpcFault, CommunicationException;

    /** {@code get_process_info}: one process, or every process of {@code group:*}. */
    List<ProcessInfo> getProcessInfo(String namespec) throws XmlRpcFault, CommunicationException;

    /** {@code get_all_local_process_info}: every process of the supervisord of the instance called. */
    List<LocalProcessInfo> getAllLocalProcessInfo() throws XmlRpcFault, CommunicationException;

    /** {@code get_local_process_info}: one process of the supervisord of the instance called. */
    LocalProcessInfo getLocalProcessInfo(String namespec) throws XmlRpcFault, CommunicationException;

    /** {@code get_all_inner_process_info}: the records of every process configured on the designated instances. */
    List<InnerProcessInfo> getAllInnerProcessInfo(String identifier) throws XmlRpcFault, CommunicationException;

    /** {@code get_inner_process_info}: the records of one process (or {@code group:*}) on the designated instances. */
    List<InnerProcessInfo> getInnerProcessInfo(String identifier, String namespec)
            throws XmlRpcFault, CommunicationException;

    /** {@code get_process_rules}: the rules of one process, or of every process of {@code group:*}. */
    List<ProcessRules> getProcessRules(String namespec) throws XmlRpcFault, CommunicationException;

    /** {@code get_conflicts}: every process of a managed application running on several instances. */
    List<ProcessInfo> getConflicts() throws XmlRpcFault, CommunicationException;

    // ---- application control

    /**
     * {@code start_application}: starts a managed application with its start sequence, placing its processes with
     * {@code strategy}. Returns {@code true}; with {@code wait}, once the application is RUNNING ({@code NOT_RUNNING}
     * fault otherwise).
     */
    boolean startApplication(StartingStrategy strategy, String applicationName, boolean wait)
            throws XmlRpcFault, CommunicationException;

    /** {@code start_application} and wait. */
    default boolean startApplication(StartingStrategy strategy, String applicationName)
            throws XmlRpcFault, CommunicationException {
        return startApplication(strategy, applicationName, true);
    }

    /** {@code test_start_application}: where the processes would run, without starting anything. */
    List<StartPrediction> testStartApplication(StartingStrategy strategy, String applicationName)
            throws XmlRpcFault, CommunicationException;

    /**
     * {@code stop_application}: stops a managed application with its stop sequence; with {@code wait}, returns once
     * it is STOPPED ({@code STILL_RUNNING} fault otherwise).
     */
    boolean stopApplication(String applicationName, boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code stop_application} and wait. */
    default boolean stopApplication(String applicationName) throws XmlRpcFault, CommunicationException {
        return stopApplication(applicationName, true);
    }

    /** {@code restart_application}: stops the application if it runs, then starts it with {@code strategy}. */
    boolean restartApplication(StartingStrategy strategy, String applicationName, boolean wait)
            throws XmlRpcFault, CommunicationException;

    /** {@code restart_application} and wait. */
    default boolean restartApplication(StartingStrategy strategy, String applicationName)
            throws XmlRpcFault, CommunicationException {
        return restartApplication(strategy, applicationName, true);
    }

    // ---- process control

    /**
     * {@code start_args}: starts one process on the instance called only, with {@code extraArgs} appended to its
     * command line ({@code ""} resets them); with {@code wait}, returns once it has been RUNNING for its
     * {@code startsecs}.
     */
    boolean startArgs(String namespec, String extraArgs, boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code start_args} and wait. */
    default boolean startArgs(String namespec, String extraArgs) throws XmlRpcFault, CommunicationException {
        return startArgs(namespec, extraArgs, true);
    }

    /**
     * {@code start_process}: starts a process (or every process of {@code group:*}) where {@code strategy} places
     * it, with {@code extraArgs}; with {@code wait}, returns once started ({@code NOT_RUNNING} fault otherwise).
     */
    boolean startProcess(StartingStrategy strategy, String namespec, String extraArgs, boolean wait)
            throws XmlRpcFault, CommunicationException;

    /** {@code start_process} without extra arguments, and wait. */
    default boolean startProcess(StartingStrategy strategy, String namespec)
            throws XmlRpcFault, CommunicationException {
        return startProcess(strategy, namespec, "", true);
    }

    /** {@code test_start_process}: where the process (or {@code group:*}) would run, without starting anything. */
    List<StartPrediction> testStartProcess(StartingStrategy strategy, String namespec)
            throws XmlRpcFault, CommunicationException;

    /**
     * {@code start_any_process}: starts the first stopped process whose namespec matches {@code regex} (a search,
     * not anchored) that {@code strategy} can place; returns its namespec.
     */
    String startAnyProcess(StartingStrategy strategy, String regex, String extraArgs, boolean wait)
            throws XmlRpcFault, CommunicationException;

    /** {@code start_any_process} without extra arguments, and wait. */
    default String startAnyProcess(StartingStrategy strategy, String regex) throws XmlRpcFault, CommunicationException {
        return startAnyProcess(strategy, regex, "", true);
    }

    /**
     * {@code stop_process}: stops a process (or every process of {@code group:*}) wherever it runs; with
     * {@code wait}, returns once stopped ({@code STILL_RUNNING} fault otherwise).
     */
    boolean stopProcess(String namespec, boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code stop_process} and wait. */
    default boolean stopProcess(String namespec) throws XmlRpcFault, CommunicationException {
        return stopProcess(namespec, true);
    }

    /** {@code restart_process}: stops the process (or {@code group:*}) where it runs, then starts it. */
    boolean restartProcess(StartingStrategy strategy, String namespec, String extraArgs, boolean wait)
            throws XmlRpcFault, CommunicationException;

    /** {@code restart_process} without extra arguments, and wait. */
    default boolean restartProcess(StartingStrategy strategy, String namespec)
            throws XmlRpcFault, CommunicationException {
        return restartProcess(strategy, namespec, "", true);
    }

    /**
     * {@code update_numprocs}: changes the {@code numprocs} of a program on the instance called; with {@code lazy},
     * the processes in excess are removed only once they stop by themselves.
     */
    boolean updateNumprocs(String programName, int numprocs, boolean wait, boolean lazy)
            throws XmlRpcFault, CommunicationException;

    /** {@code update_numprocs}, waiting, not lazy. */
    default boolean updateNumprocs(String programName, int numprocs) throws XmlRpcFault, CommunicationException {
        return updateNumprocs(programName, numprocs, true, false);
    }

    /** {@code enable}: enables a program on the instance called (persisted). */
    boolean enable(String programName, boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code enable} and wait. */
    default boolean enable(String programName) throws XmlRpcFault, CommunicationException {
        return enable(programName, true);
    }

    /** {@code disable}: disables a program on the instance called (persisted) and stops its processes there. */
    boolean disable(String programName, boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code disable} and wait. */
    default boolean disable(String programName) throws XmlRpcFault, CommunicationException {
        return disable(programName, true);
    }

    // ---- Supvisors control

    /** {@code conciliate}: applies {@code strategy} to every conflict; {@code false} for {@code USER}. */
    boolean conciliate(ConciliationStrategy strategy) throws XmlRpcFault, CommunicationException;

    /**
     * {@code restart_sequence}: starts again the applications of the automatic start sequence never started or in
     * failure; with {@code wait}, returns once done.
     */
    boolean restartSequence(boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code restart_sequence} and wait. */
    default boolean restartSequence() throws XmlRpcFault, CommunicationException {
        return restartSequence(true);
    }

    /** {@code restart}: stops every application, then restarts every supervisord (driven by the Master). */
    boolean restart() throws XmlRpcFault, CommunicationException;

    /** {@code shutdown}: stops every application, then shuts every supervisord down (driven by the Master). */
    boolean shutdown() throws XmlRpcFault, CommunicationException;

    /**
     * {@code end_sync}: ends the SYNCHRONIZATION phase ({@code USER} in {@code synchro_options}) with {@code master}
     * as Master, or with the one the election picks when {@code master} is {@code ""}.
     */
    boolean endSync(String master) throws XmlRpcFault, CommunicationException;

    /** {@code end_sync} with the Master the election picks. */
    default boolean endSync() throws XmlRpcFault, CommunicationException {
        return endSync("");
    }

    /** {@code change_log_level}: the level of the logger of the instance called. */
    boolean changeLogLevel(LogLevel level) throws XmlRpcFault, CommunicationException;

    // ---- statistics

    /** {@code enable_host_statistics}: starts or stops collecting host statistics on the instance called. */
    boolean enableHostStatistics(boolean enable) throws XmlRpcFault, CommunicationException;

    /** {@code enable_process_statistics}: starts or stops collecting process statistics on the instance called. */
    boolean enableProcessStatistics(boolean enable) throws XmlRpcFault, CommunicationException;

    /** {@code update_collecting_period}: the statistics period of the instance called, in seconds. */
    boolean updateCollectingPeriod(double collectingPeriod) throws XmlRpcFault, CommunicationException;
}
