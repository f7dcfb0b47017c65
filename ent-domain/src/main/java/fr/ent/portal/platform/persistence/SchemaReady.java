package fr.ent.portal.platform.persistence;

/** CDI event fired once the schema is migrated; start-up work that needs tables (demo data) observes it. */
public record SchemaReady() {
}
