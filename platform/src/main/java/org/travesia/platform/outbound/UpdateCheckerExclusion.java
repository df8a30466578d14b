package org.travesia.platform.outbound;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Keeps Axon's update checker out of every service, however it is started ({@code java -jar}, the launcher, a test).
 * Left in, it calls AxonIQ a second after start and every minute after, with the machine's id, OS, Java and library
 * versions and uptime, and logs a stack trace each time it cannot: a protection-data system calls nothing its
 * operator did not configure. Filtering the auto-configuration out, rather than setting
 * {@code axon.update-check.disabled}, leaves no checker, client or schedule behind for a property to switch back on.
 * (That property is set as well, for any code that reads it: see {@code PlatformDefaults}.)
 */
public class UpdateCheckerExclusion implements AutoConfigurationImportFilter {

    static final String UPDATE_CHECKER = "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration";

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] imported = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            imported[i] = !UPDATE_CHECKER.equals(autoConfigurationClasses[i]);
        }
        return imported;
    }
}
