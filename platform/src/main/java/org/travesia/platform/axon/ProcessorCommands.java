package org.travesia.platform.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.travesia.kernel.common.Actor;

/**
 * Commands that an event processor sends (route assignment, alert evaluation). A person's write to the same aggregate
 * at the same moment makes one of the two appends meet the other's event (a concurrency conflict); the processor's
 * command is then simply sent again on the new state, instead of failing the event and parking its sequence.
 */
public final class ProcessorCommands {

    private static final int ATTEMPTS = 5;

    private ProcessorCommands() {
    }

    public static <R> R send(CommandGateway commands, Object command, Actor actor) {
        var message = GenericCommandMessage.asCommandMessage(command).withMetaData(CommandMetadata.of(actor));
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(message);
            } catch (ConcurrencyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
