package org.civicbackbone.rest.internal;

import java.lang.reflect.Type;
import java.security.Principal;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.GenericEntity;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

/**
 * The answers of one resource method kept by {@link ReadCache}, which hands it that method's requests and answers
 * (the two {@code filter} methods): after the access check, a request whose login and
 * address were answered at the same version and not longer ago than the age limit gets that answer again; any other
 * request runs, and its answer is kept if it is a 200 with a JSON entity (not a list longer than
 * {@value #LARGEST_LIST}). The version is taken before the method reads, so an answer read while a write committed
 * is kept under the version before that write and never given after it. Only answers of the latest version are
 * held: the first answer of a newer version drops the others.
 */
final class KeptAnswers {

    /** What answers depend on: the data's version and the modules' generation; both only move forward. */
    record Version(long data, long modules) {

        boolean before(Version other) {
            return data < other.data || modules < other.modules;
        }
    }

    private record Kept(Version version, long readAt, Object entity, Type type, MediaType mediaType) {
    }

    private record Miss(String key, Version version, long readAt) {
    }

    private static final String MISS = KeptAnswers.class.getName() + ".miss";
    static final int LARGEST_LIST = 1_000;

    private final Supplier<Version> versions;
    private final long maxAgeNanos;
    private final int capacity;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    /** The version of the answers kept: answers of an earlier one can never be given again and are dropped. */
    private volatile Version keptVersion = new Version(Long.MIN_VALUE, Long.MIN_VALUE);

    KeptAnswers(Supplier<Version> versions, long maxAgeNanos, int capacity) {
        this.versions = versions;
        this.maxAgeNanos = maxAgeNanos;
        this.capacity = capacity;
    }

    void filter(ContainerRequestContext request, String rawQuery) {
        String key = key(request, rawQuery);
        Version version = versions.get();
        long now = System.nanoTime();
        Kept answer = kept.get(key);
        if (answer != null && answer.version().equals(version) && now - answer.readAt() < maxAgeNanos) {
            request.abortWith(Response.ok(new GenericEntity<>(answer.entity(), answer.type()), answer.mediaType())
                    .build());
            return;
        }
        request.setProperty(MISS, new Miss(key, version, now));
    }

    void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(MISS) instanceof Miss miss) || response.getStatus() != 200
                || response.getEntity() == null || response.getMediaType() == null
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())
                || response.getEntity() instanceof Collection<?> many && many.size() > LARGEST_LIST) {
            return; // a long list (an indicator's values) is read again rather than held in the heap
        }
        synchronized (this) {
            if (miss.version().before(keptVersion)) {
                return; // read before a later write: never to be given again
            }
            if (!miss.version().equals(keptVersion) || kept.size() >= capacity) {
                kept.clear(); // the heap holds the answers of the latest version only, a bounded number of them
                keptVersion = miss.version();
            }
        }
        kept.put(miss.key(), new Kept(miss.version(), miss.readAt(), response.getEntity(), response.getEntityType(),
                response.getMediaType()));
    }

    /** The login (and whether it administers the platform) and the address with its query, as received. */
    private static String key(ContainerRequestContext request, String query) {
        SecurityContext security = request.getSecurityContext();
        Principal principal = security == null ? null : security.getUserPrincipal();
        String login = principal == null ? "" : principal.getName();
        boolean admin = principal != null && security.isUserInRole(AccessRules.ADMIN_ROLE);
        return login + (admin ? "|admin|" : "|") + request.getUriInfo().getPath(false)
                + (query == null ? "" : "?" + query);
    }
}
