package org.supvisors.stats;

import java.util.List;

import org.supvisors.core.statistics.HostSample;
import org.supvisors.core.statistics.NodeCharacteristics;
import org.supvisors.core.statistics.ProcessSample;

/**
 * Where the collector puts what it measures.
 *
 * <p>Contract: called on the collector's thread, one call at a time; must not block and must not throw (the agent
 * posts each call to the core's thread).
 */
public interface CollectorSink {

    /** A host sample (host statistics on). */
    void onHostSample(HostSample sample);

    /**
     * The samples of one round: the measured processes still alive, and {@code supervisord} (process statistics
     * on).
     */
    void onProcessSamples(List<ProcessSample> samples);

    /** The node's characteristics: at the first round, then at most once every 30 s while host statistics are on. */
    void onNode(NodeCharacteristics node);

    /** The collector cannot run on this host; it stops for good. */
    void onUnavailable(String reason);
}
