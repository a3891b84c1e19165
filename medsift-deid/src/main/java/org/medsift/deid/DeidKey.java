package org.medsift.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret behind pseudonyms and date shifts: HMAC-SHA256 keyed by bytes the user supplies (a key file).
 * The same key gives the same surrogates for a patient across documents and runs; without the key nothing links
 * a surrogate back to the original. {@link #toString()} never shows the key; keep the key file away from outputs.
 * Immutable and thread-safe.
 */
public final class DeidKey {
    private final byte[] key;

    private DeidKey(byte[] key) {
        this.key = key;
    }

    /**
     * A key from secret bytes (for example a key file's content).
     *
     * @throws IllegalArgumentException when fewer than 16 bytes are given
     */
    public static DeidKey of(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a de-identification key needs at least 16 bytes, got " + secret.length);
        }
        return new DeidKey(secret.clone());
    }

    /** A random key for one run: surrogates are consistent within the run and unlinkable after it. */
    public static DeidKey random() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return new DeidKey(b);
    }

    /** HMAC-SHA256 of the UTF-8 parts joined by a separator that cannot occur in them. */
    byte[] hmac(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (String p : parts) {
                mac.update(p.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** A non-negative long derived from the parts. */
    long derive(String... parts) {
        byte[] h = hmac(parts);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (h[i] & 0xFF);
        }
        return v & Long.MAX_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeidKey k && Arrays.equals(k.key, key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "DeidKey[hidden]";
    }
}
