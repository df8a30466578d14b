package org.travesia.query.taxonomy;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.kernel.taxonomy.Taxonomy;

/** The code lists clients build their forms from, with English and Spanish labels. */
@RestController
class TaxonomyController {

    @GetMapping(path = "/api/v1/taxonomy", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    Taxonomy taxonomy() {
        return Taxonomy.current();
    }
}
