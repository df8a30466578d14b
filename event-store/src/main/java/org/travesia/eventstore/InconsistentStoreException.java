package org.travesia.eventstore;

/**
 * The store is not in a state the event store can run on safely, found at start-up. Carries what is wrong and the
 * command that repairs it, so that whoever reads the log knows both at once.
 */
public class InconsistentStoreException extends IllegalStateException {

    private final String problem;
    private final String repair;

    public InconsistentStoreException(String problem, String repair) {
        super(problem + " Repair: " + repair);
        this.problem = problem;
        this.repair = repair;
    }

    public String problem() {
        return problem;
    }

    /** The exact command to run, with everything stopped. */
    public String repair() {
        return repair;
    }
}
