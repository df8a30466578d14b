package org.travesia.query.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.platform.web.NotFoundException;
import org.travesia.query.route.api.RouteCatalogue;
import org.travesia.query.route.api.RouteCatalogue.RouteView;

/** The monitored routes and their segments (reference data, readable by every signed-in user). */
@RestController
@RequestMapping(path = "/api/v1/routes", produces = MediaType.APPLICATION_JSON_VALUE)
class RouteController {

    private final RouteCatalogue routes;

    RouteController(RouteCatalogue routes) {
        this.routes = routes;
    }

    @GetMapping
    Map<String, Object> list() {
        return Map.of("items", routes.all().stream().map(RouteController::view).toList());
    }

    @GetMapping("/{routeId}")
    Map<String, Object> one(@PathVariable String routeId) {
        return routes.find(routeId).map(RouteController::view).orElseThrow(() -> new NotFoundException("route.unknown"));
    }

    private static Map<String, Object> view(RouteView route) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("routeId", route.routeId());
        view.put("name", route.name());
        view.put("countries", route.countries());
        List<Map<String, Object>> segments = route.segments().stream().map(segment -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("segmentId", segment.segmentId());
            s.put("name", segment.name());
            s.put("active", segment.active());
            s.put("approximation", segment.approximation());
            s.put("adminAreas", segment.adminAreas());
            s.put("geometry", RouteProjection.geoJson(segment));
            return s;
        }).toList();
        view.put("segments", segments);
        return view;
    }
}
