package org.travesia.command.route;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.travesia.command.route.MonitoringRoute.Defined;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.route.AddSegment;
import org.travesia.kernel.route.Area;
import org.travesia.kernel.route.DefineRoute;
import org.travesia.kernel.route.RouteName;
import org.travesia.platform.axon.CommandMetadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reference routes of the Americas ({@code routes/americas.json}: Darién, Central America–Mexico, the Mexico
 * rail routes, the US–Mexico border, the Caribbean sea crossings), every area marked as an approximation. Loaded
 * through the same commands an analyst sends, so loading twice changes nothing: a route defined with the same name
 * and countries is left as it is, and a segment id already used (even by a segment since redrawn or retired) is
 * skipped. A route someone defined differently under a seed id is left alone and counted as skipped.
 */
@Component
public class RouteSeed {

    static final String RESOURCE = "/routes/americas.json";
    /** Who the seed acts as when the service loads it by itself at start. */
    static final Actor AT_START = new Actor("route-seed", "travesia", Set.of(Role.ADMIN));
    private static final Logger log = LoggerFactory.getLogger(RouteSeed.class);

    private final CommandGateway commands;

    RouteSeed(CommandGateway commands) {
        this.commands = commands;
    }

    /** What a load did: routes and segments added, and those left as they were. */
    public record Loaded(int routesDefined, int segmentsAdded, int skipped) {
    }

    public Loaded load(Actor actor) {
        int routes = 0;
        int segments = 0;
        int skipped = 0;
        for (SeedRoute route : read()) {
            try {
                Defined defined = send(new DefineRoute(route.routeId, route.name, route.countries, actor), actor);
                routes += defined.created() ? 1 : 0;
            } catch (ConflictException definedOtherwise) {
                skipped += 1 + route.segments.size();
                continue;
            }
            for (AddSegment segment : route.segments) {
                try {
                    send(new AddSegment(route.routeId, segment.segmentId(), segment.name(), segment.area(),
                            segment.adminAreas(), true, actor), actor);
                    segments++;
                } catch (ConflictException alreadyThere) {
                    skipped++;
                }
            }
        }
        log.info("Route seed: {} routes and {} segments added, {} left as they were", routes, segments, skipped);
        return new Loaded(routes, segments, skipped);
    }

    private <R> R send(Object command, Actor actor) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(CommandMetadata.of(actor)));
    }

    record SeedRoute(String routeId, RouteName name, List<String> countries, List<AddSegment> segments) {
    }

    /** The seed file, each area checked exactly as a request's would be. */
    static List<SeedRoute> read() {
        JsonNode root;
        try (InputStream in = RouteSeed.class.getResourceAsStream(RESOURCE)) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SeedRoute> routes = new ArrayList<>();
        for (JsonNode route : root.get("routes")) {
            List<AddSegment> segments = new ArrayList<>();
            for (JsonNode segment : route.get("segments")) {
                Violations v = new Violations();
                Area area = AreaGeometry.read(segment.get("geometry"), "geometry", v);
                v.throwIfAny();
                List<String> adminAreas = new ArrayList<>();
                segment.get("adminAreas").forEach(a -> adminAreas.add(a.asText()));
                segments.add(new AddSegment(route.get("routeId").asText(), segment.get("segmentId").asText(),
                        name(segment.get("name")), area, adminAreas, segment.get("approximation").asBoolean(), null));
            }
            List<String> countries = new ArrayList<>();
            route.get("countries").forEach(c -> countries.add(c.asText()));
            routes.add(new SeedRoute(route.get("routeId").asText(), name(route.get("name")), countries, segments));
        }
        return routes;
    }

    private static RouteName name(JsonNode name) {
        return new RouteName(name.get("en").asText(), name.get("es").asText());
    }
}
