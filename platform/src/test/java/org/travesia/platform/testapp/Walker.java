package org.travesia.platform.testapp;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Takes numbered steps; several steps in one command are one commit. */
@Aggregate
public class Walker {

    @AggregateIdentifier
    private String walkerId;
    private long steps;

    protected Walker() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(TakeSteps command) {
        for (int i = 0; i < command.steps(); i++) {
            apply(new StepTaken(command.walkerId(), steps));
        }
    }

    @EventSourcingHandler
    void on(StepTaken event) {
        walkerId = event.walkerId();
        steps = event.step() + 1;
    }
}
