package org.reprise.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reprise.manifest.RunConfig;

/**
 * Identifies a run's inputs: the resolved configuration, the seed and the thread count (results are
 * bit-identical only for the same thread count). A rerun skips a COMPLETED cell only when its hash matches.
 */
public final class ConfigHash {
    /** Bumped when the harness changes what a configuration computes, so old records are not reused. */
    public static final int COMPUTATION_VERSION = 1;

    private ConfigHash() {
    }

    public static String of(RunConfig config, long seed, int threads) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("computation", COMPUTATION_VERSION);
        identity.put("config", config);
        identity.put("seed", seed);
        identity.put("threads", threads);
        try {
            byte[] canonical = Json.MAPPER.writeValueAsBytes(identity);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash configuration", e);
        }
    }


    /** The first 12 hex digits, as status lines, gate reasons and report tables show a hash. */
    public static String shortForm(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
