package org.travesia.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a figure was measured on. The machine is shared with other builds, so the load average is read next to
 * every figure, not once.
 */
final class MachineFacts {

    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private MachineFacts() {
    }

    /** The one-, five- and fifteen-minute load averages, as the kernel gives them; "unknown" off Linux. */
    static String loadAverage() {
        if (!Files.isReadable(LOAD_AVERAGE)) {
            return "unknown";
        }
        try {
            String[] fields = Files.readString(LOAD_AVERAGE).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one-minute load average, for a figure's row. */
    static double oneMinuteLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * The CPU time this JVM has used, in seconds, or NaN where the JVM does not say. A phase run in the harness's JVM
     * (the catch-up: the store and query-service both live here) is charged the difference: unlike its wall time,
     * that does not grow when other processes share the cores.
     */
    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    static Map<String, Object> describe() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cores", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            facts.put("memoryMiB", os.getTotalMemorySize() >> 20);
        }
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        facts.put("harnessMaxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        facts.put("cpu", cpuModel());
        facts.put("loadAverageAtStart", loadAverage());
        return facts;
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown";
        }
        try {
            return Files.readAllLines(cpuinfo).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
