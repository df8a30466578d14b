package org.travesia.platform.consistency;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.travesia.eventstore.InconsistentStoreException;

/** A start refused for an inconsistent store is reported as what is wrong and what to run, not as a stack trace. */
public class InconsistentStoreFailureAnalyzer extends AbstractFailureAnalyzer<InconsistentStoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InconsistentStoreException cause) {
        return new FailureAnalysis(cause.problem(), "Stop both services, then run: " + cause.repair()
                + "   (README, \"Repairing the store\")", cause);
    }
}
