package org.travesia.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Human messages for stable codes, in English or Spanish as the request's {@code Accept-Language} asks. Codes never
 * change; messages may.
 */
public final class Messages {

    public static final Locale SPANISH = Locale.forLanguageTag("es");

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    public Messages() {
        source.setBasename("org/travesia/platform/web/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(true);
    }

    public String get(String code, List<Object> args) {
        return source.getMessage(code, args.stream().map(String::valueOf).toArray(), currentLocale());
    }

    public String get(String code, Object... args) {
        return get(code, List.of(args));
    }

    private static Locale currentLocale() {
        Locale locale = LocaleContextHolder.getLocale();
        return "es".equals(locale.getLanguage()) ? SPANISH : Locale.ENGLISH;
    }
}
