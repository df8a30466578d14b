package org.travesia.platform.axon;

import java.util.ArrayDeque;
import java.util.Deque;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.travesia.kernel.common.Actor;

/**
 * Commands that an event processor sends (route assignment, alert evaluation), each recorded before it returns.
 * <p>
 * Sent from a handler as Axon sends it, a command would run in a unit of work nested in the processor's batch, and
 * its events would be appended only when the batch commits, after the processor has stored its token: a crash
 * between the two, or an append refused then, would lose them with the token already past the event that caused
 * them. So the batch's units of work are set aside on this thread while the command runs: it runs as a unit of work
 * of its own, whose events are appended before the command returns, before the batch's writes and its token. The
 * processors make every command safe to send again (a position or an id derived from one, which the aggregate
 * recognises), so a batch handed again after a crash sends the same commands and nothing is recorded twice.
 * <p>
 * A person's write to the same aggregate at the same moment makes one of the two appends meet the other's event (a
 * concurrency conflict); the processor's command is then simply sent again on the new state, instead of failing the
 * event and parking its sequence.
 */
public final class ProcessorCommands {

    private static final int ATTEMPTS = 5;

    private ProcessorCommands() {
    }

    public static <R> R send(CommandGateway commands, Object command, Actor actor) {
        var message = GenericCommandMessage.asCommandMessage(command).withMetaData(CommandMetadata.of(actor));
        Deque<UnitOfWork<?>> setAside = new ArrayDeque<>();
        while (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> current = CurrentUnitOfWork.get();
            CurrentUnitOfWork.clear(current);
            setAside.push(current);
        }
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return commands.sendAndWait(message);
                } catch (ConcurrencyException raced) {
                    if (attempt == ATTEMPTS) {
                        throw raced;
                    }
                }
            }
        } finally {
            while (!setAside.isEmpty()) {
                CurrentUnitOfWork.set(setAside.pop());
            }
        }
    }
}
