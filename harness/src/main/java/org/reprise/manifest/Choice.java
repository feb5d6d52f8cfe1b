package org.reprise.manifest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enum constant with the spelling used in manifests (lower case, hyphen-separated). */
public interface Choice {
    /** The manifest spelling of this constant. */
    default String key() {
        return ((Enum<?>) this).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E> & Choice> Optional<E> parse(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.key().equals(text)).findFirst();
    }

    static <E extends Enum<E> & Choice> List<String> keys(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::key).toList();
    }
}
