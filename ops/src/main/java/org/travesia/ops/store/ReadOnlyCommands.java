package org.travesia.ops.store;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The commands that cannot change what is stored, and so need not wait for a commit. Everything else is treated as
 * a write: a command missing here costs a wait, a write wrongly listed here would be acknowledged before it is safe.
 */
final class ReadOnlyCommands {

    private static final Set<String> READ_ONLY = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "dbstats", "collstats", "validate", "killcursors", "endsessions", "ping",
            "ismaster", "hello", "buildinfo", "whatsmyuri", "serverstatus", "hostinfo", "connectionstatus",
            "getlasterror", "getlog", "getcmdlineopts", "getfreemonitoringstatus", "replsetgetstatus");

    private ReadOnlyCommands() {
    }

    static boolean isReadOnly(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return !writesOutput(query.get("pipeline"));
        }
        return READ_ONLY.contains(name);
    }

    /** An aggregation that ends in {@code $out} or {@code $merge} writes its result into a collection. */
    private static boolean writesOutput(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return true;
        }
        for (Object stage : stages) {
            if (!(stage instanceof Document document) || document.containsKey("$out") || document.containsKey("$merge")) {
                return true;
            }
        }
        return false;
    }
}
