/**
 * Host and process statistics collected with OSHI on the agent's own scheduler. Until the statistics issue lands,
 * the agent reports that no collector is installed.
 */
package org.supvisors.stats;
