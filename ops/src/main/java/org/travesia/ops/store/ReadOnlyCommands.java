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

    /**
     * An aggregation with an {@code $out} or {@code $merge} stage writes its result into a collection, wherever the
     * stage is: mongo-java-server also runs one nested in a {@code $facet} or a {@code $lookup} pipeline (MongoDB
     * refuses those). A pipeline that is not a list of documents is taken as a write, as is one naming either
     * operator anywhere (inside a {@code $literal}, say): that only costs waiting for a commit.
     */
    private static boolean writesOutput(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return true;
        }
        return stages.stream().anyMatch(stage -> !(stage instanceof Document) || holdsOutputStage(stage));
    }

    private static boolean holdsOutputStage(Object value) {
        if (value instanceof Document document) {
            if (document.containsKey("$out") || document.containsKey("$merge")) {
                return true;
            }
            return document.values().stream().anyMatch(ReadOnlyCommands::holdsOutputStage);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(ReadOnlyCommands::holdsOutputStage);
        }
        return false;
    }
}
