package org.supvisors.stats;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supvisors.core.statistics.CpuTimes;
import org.supvisors.core.statistics.HostSample;
import org.supvisors.core.statistics.IoCounters;
import org.supvisors.core.statistics.NodeCharacteristics;

import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * The host samples (statistics.md, "Raw host sample"): CPU ticks, memory and disk counters from OSHI (its
 * native-free Linux implementation), interfaces from {@link NetworkCounters}, partitions from
 * {@link PartitionUsage}. The disks are listed again only when {@code /sys/block} changes.
 */
final class HostProbe {

    private final HardwareAbstractionLayer hardware;
    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final NetworkCounters network;
    private final PartitionUsage partitions;
    private final File blockDevices;
    private String[] knownBlockDevices;
    private List<HWDiskStore> disks;

    HostProbe(HardwareAbstractionLayer hardware, NetworkCounters network, PartitionUsage partitions,
              File blockDevices) {
        this.hardware = hardware;
        this.processor = hardware.getProcessor();
        this.memory = hardware.getMemory();
        this.network = network;
        this.partitions = partitions;
        this.blockDevices = blockDevices;
    }

    HostSample sample(double now) {
        List<CpuTimes> cpu = new ArrayList<>();
        cpu.add(times(processor.getSystemCpuLoadTicks()));
        for (long[] ticks : processor.getProcessorCpuLoadTicks()) {
            cpu.add(times(ticks));
        }
        long total = memory.getTotal();
        double mem = total > 0 ? 100.0 * (total - memory.getAvailable()) / total : 0.0;
        return new HostSample(now, cpu, mem, network.read(), disks(), partitions.read());
    }

    /** {@code work = user + nice + system + irq + softirq + steal}, {@code idle = idle + iowait}. */
    static CpuTimes times(long[] ticks) {
        long work = ticks[TickType.USER.getIndex()] + ticks[TickType.NICE.getIndex()]
                + ticks[TickType.SYSTEM.getIndex()] + ticks[TickType.IRQ.getIndex()]
                + ticks[TickType.SOFTIRQ.getIndex()] + ticks[TickType.STEAL.getIndex()];
        long idle = ticks[TickType.IDLE.getIndex()] + ticks[TickType.IOWAIT.getIndex()];
        return new CpuTimes(Math.max(0, work), Math.max(0, idle));
    }

    private Map<String, IoCounters> disks() {
        String[] devices = blockDevices.list();
        if (devices != null) {
            Arrays.sort(devices);
        }
        if (disks == null || !Arrays.equals(devices, knownBlockDevices)) {
            knownBlockDevices = devices;
            disks = hardware.getDiskStores();
        } else {
            disks.forEach(HWDiskStore::updateAttributes);
        }
        Map<String, IoCounters> result = new LinkedHashMap<>();
        for (HWDiskStore disk : disks) {
            String name = disk.getName();
            name = name.startsWith("/dev/") ? name.substring("/dev/".length()) : name;
            long read = disk.getReadBytes();
            long written = disk.getWriteBytes();
            if (read >= 0 && written >= 0) {
                result.put(name, new IoCounters(read, written));
            }
        }
        return result;
    }

    /** The node: cores, current frequency (average of the logical CPUs, else the maximum), memory. */
    NodeCharacteristics node() {
        long hertz = 0;
        int counted = 0;
        for (long frequency : processor.getCurrentFreq()) {
            if (frequency > 0) {
                hertz += frequency;
                counted++;
            }
        }
        long average = counted > 0 ? hertz / counted : Math.max(0, processor.getMaxFreq());
        return new NodeCharacteristics(processor.getPhysicalProcessorCount(), processor.getLogicalProcessorCount(),
                Math.round(average / 1e6), memory.getTotal());
    }

    int logicalCpus() {
        return processor.getLogicalProcessorCount();
    }

    long totalMemory() {
        return memory.getTotal();
    }
}
