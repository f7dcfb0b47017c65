package fr.ent.portal.federation.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a person granted a client: who, for which establishment (the one chosen, as for CAS), which scopes, when and
 * how they signed in ({@code amr}: {@code pwd}, or {@code device} for a remembered device).
 */
public record Grant(String clientId, long accountId, Long establishmentId, String scope, Instant authTime, String amr)
        implements Serializable {
}
