package dev.scimpilot.health;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scimpilot.ninjaone.NinjaEndUser;
import dev.scimpilot.ninjaone.NinjaOne;
import java.util.List;

/**
 * Reads that every client of one check shares, fetched once per check (Caffeine, dropped with the check): the
 * NinjaOne global end users (each client looks for its own domain among them) and each organization's end users.
 * NinjaOne calls go through the limiter under its own "tenant".
 */
final class SharedReads {

    private final NinjaOne ninja;
    private final RequestLimiter limiter;
    private final Cache<String, List<NinjaEndUser>> cache = Caffeine.newBuilder().maximumSize(10_000).build();

    SharedReads(NinjaOne ninja, RequestLimiter limiter) {
        this.ninja = ninja;
        this.limiter = limiter;
    }

    List<NinjaEndUser> globalEndUsers() {
        return cache.get("global", k -> limiter.call(RequestLimiter.NINJAONE, ninja::globalEndUsers));
    }

    List<NinjaEndUser> endUsers(long organizationId) {
        return cache.get("org:" + organizationId, k -> limiter.call(RequestLimiter.NINJAONE, () -> ninja.endUsers(organizationId)));
    }
}
