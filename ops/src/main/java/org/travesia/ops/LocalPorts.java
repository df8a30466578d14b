package org.travesia.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Checks, before anything starts, that every port the launcher needs is free at the address it will be used on, and
 * names the variable that moves it when one is not. Starting first and failing later would leave a store or a
 * service half started, and a stack trace instead of an answer.
 */
final class LocalPorts {

    private LocalPorts() {
    }

    /** @throws IllegalStateException naming the first port in use and its variable, in one line */
    static void ensureFree(LocalLauncher.Settings settings) {
        if (settings.mongoUri() == null) {
            ensureFree("127.0.0.1", settings.mongoPort(), "the embedded store", "TRAVESIA_MONGO_PORT");
        }
        ensureFree(settings.bindAddress(), settings.commandPort(), "command-service", "COMMAND_SERVICE_PORT");
        ensureFree(settings.bindAddress(), settings.queryPort(), "query-service", "QUERY_SERVICE_PORT");
    }

    private static void ensureFree(String host, int port, String user, String variable) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(LocalLauncher.BIND_ADDRESS + "=" + host + " is not an address of this "
                    + "machine");
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, port));
        } catch (IOException inUse) {
            throw new IllegalStateException("port " + port + " (" + user + ") is already in use on " + host
                    + "; stop what uses it, or set " + variable + " to another port");
        }
    }
}
