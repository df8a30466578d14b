package org.travesia.kernel.missing;

import java.time.Year;
import java.util.List;
import java.util.regex.Pattern;

import org.travesia.kernel.common.Countries;
import org.travesia.kernel.common.Violations;

/**
 * The person who went missing, as reported. Only {@code fullName} is required. Everything that names or describes
 * them is personal data; sex, the age band and the nationality are the statistics kept after an erasure.
 */
public record MissingPerson(String fullName, List<String> aliases, Sex sex, AgeRange ageRange, Integer yearOfBirth,
                            String nationality, List<String> languages, String distinguishingFeatures) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ALIASES = 20;
    public static final int MAX_LANGUAGES = 20;
    public static final int MAX_FEATURES_LENGTH = 2_000;
    public static final int EARLIEST_BIRTH_YEAR = 1900;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    public MissingPerson {
        Violations v = new Violations();
        v.check(fullName != null && !fullName.isBlank(), "fullName", "field.required");
        v.check(fullName == null || fullName.length() <= MAX_NAME_LENGTH, "fullName", "text.too-long",
                MAX_NAME_LENGTH);
        List<String> givenAliases = aliases == null ? List.of() : aliases;
        if (givenAliases.size() > MAX_ALIASES) {
            v.add("aliases", "list.too-long", MAX_ALIASES);
        } else {
            for (int i = 0; i < givenAliases.size(); i++) {
                String alias = givenAliases.get(i);
                v.check(alias != null && !alias.isBlank() && alias.length() <= MAX_NAME_LENGTH, "aliases[" + i + "]",
                        "text.too-long", MAX_NAME_LENGTH);
            }
        }
        v.check(yearOfBirth == null || yearOfBirth >= EARLIEST_BIRTH_YEAR, "yearOfBirth",
                "missing-person.year-of-birth.out-of-range", EARLIEST_BIRTH_YEAR);
        v.check(nationality == null || Countries.isIsoAlpha2(nationality), "nationality", "country.unknown",
                String.valueOf(nationality));
        List<String> givenLanguages = languages == null ? List.of() : languages;
        if (givenLanguages.size() > MAX_LANGUAGES) {
            v.add("languages", "list.too-long", MAX_LANGUAGES);
        } else {
            for (int i = 0; i < givenLanguages.size(); i++) {
                String language = givenLanguages.get(i);
                v.check(language != null && LANGUAGE.matcher(language).matches(), "languages[" + i + "]",
                        "missing-person.language.invalid");
            }
        }
        v.check(distinguishingFeatures == null || distinguishingFeatures.length() <= MAX_FEATURES_LENGTH,
                "distinguishingFeatures", "text.too-long", MAX_FEATURES_LENGTH);
        v.throwIfAny();
        aliases = List.copyOf(givenAliases);
        languages = List.copyOf(givenLanguages);
    }

    /** Whether the year of birth lies after {@code now}'s year. */
    public boolean bornAfter(Year now) {
        return yearOfBirth != null && yearOfBirth > now.getValue();
    }
}
